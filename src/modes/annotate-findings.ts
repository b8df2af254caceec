import { emitAnnotations } from '../github/annotations.js'
import { FINDINGS_SUMMARY, findingAnnotations } from '../render/annotations.js'
import type { Finding } from '../review/types.js'

/** The review's findings as annotations on their migration.sql lines, capped per level, with a closing notice. */
export function annotateFindings(findings: Finding[]): void {
  emitAnnotations(findingAnnotations(findings), FINDINGS_SUMMARY)
}
