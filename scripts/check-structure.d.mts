export const MAX_FUNCTION_LINES: number
export const KNOWN_LONG: Map<string, string>
export const LAYERS: Record<string, string[]>
export interface FunctionSize {
  file: string
  name: string
  line: number
  lines: number
}
export function analyse(): {
  files: string[]
  functions: FunctionSize[]
  long: FunctionSize[]
  cycles: string[][]
  layerViolations: string[]
  duplicateHelpers: [string, string[]][]
}
