import type { Annotation, AnnotationLevel } from '../github/annotations.js'
import { stakeText } from '../review/headline.js'
import type { Finding } from '../review/types.js'

function message(f: Finding): string {
  const stake = stakeText(f.rowsAtStake)
  const allowed = f.acknowledged
    ? ` Allowed: ${f.acknowledged.by === 'input' ? 'allow-destructive' : f.acknowledged.reason}.`
    : ''
  const elsewhere = f.elsewhere ? ` Nothing in this database, but it ${f.elsewhere}.` : ''
  return `${f.message}${stake ? ` Data at stake: ${stake}.` : ''}${elsewhere}${allowed} Safe alternative: ${f.fix} (${f.docs})`
}

/** A finding that destroys nothing in the compared database is shown as a notice, whatever its rule's level. */
const levelOf = (f: Finding): AnnotationLevel => (f.acknowledged?.by === 'database' ? 'notice' : f.severity)

/** One annotation per finding, on its migration.sql line. */
export function findingAnnotations(findings: Finding[]): Annotation[] {
  return findings.map((f) => ({
    level: levelOf(f),
    message: message(f),
    title: `${f.rule} (${f.migration})`,
    file: f.file,
    startLine: f.line,
    endLine: f.endLine ?? f.line
  }))
}

/** How the closing notice names the findings. */
export const FINDINGS_SUMMARY = {
  title: 'Migration review',
  noun: 'migration review finding',
  where: 'the job summary'
}
