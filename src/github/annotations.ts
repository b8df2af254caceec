import * as core from '@actions/core'
import { MAX_ANNOTATIONS_PER_LEVEL } from '../constants.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** One annotation on a line of a file, as the workflow command takes it (the text is escaped by @actions/core). */
export interface Annotation {
  level: AnnotationLevel
  message: string
  title: string
  file: string
  startLine: number
  endLine: number
}

const EMIT: Record<AnnotationLevel, (message: string, props: core.AnnotationProperties) => void> = {
  error: (m, p) => core.error(m, p),
  warning: (m, p) => core.warning(m, p),
  notice: (m, p) => core.notice(m, p)
}

/**
 * The annotations, errors first, at most MAX_ANNOTATIONS_PER_LEVEL per level (GitHub shows about ten per level and
 * step), then a single notice that says how many there are and where to read all of them (`summary.title`,
 * `summary.noun` e.g. "migration review findings", `summary.where` e.g. "the job summary").
 */
export function emitAnnotations(
  annotations: Annotation[],
  summary: { title: string; noun: string; where: string }
): void {
  if (annotations.length === 0) return
  let shown = 0
  for (const level of ['error', 'warning', 'notice'] as const) {
    // keep room for the closing notice among the notices
    const cap = level === 'notice' ? MAX_ANNOTATIONS_PER_LEVEL - 1 : MAX_ANNOTATIONS_PER_LEVEL
    const chosen = annotations.filter((a) => a.level === level).slice(0, cap)
    for (const a of chosen)
      EMIT[level](a.message, { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine })
    shown += chosen.length
  }
  const omitted = annotations.length - shown
  core.notice(
    omitted > 0
      ? `${annotations.length} ${summary.noun}s; ${omitted} are not annotated here. See ${summary.where} for all of them with the SQL.`
      : `${annotations.length} ${summary.noun}(s). See ${summary.where} for the report with the SQL.`,
    { title: summary.title }
  )
}
