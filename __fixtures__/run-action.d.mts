export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  report?: Record<string, unknown>
  /** Everything the run produced as text: stdout, stderr, outputs, summary and report file. */
  everything: string
  tempDir: string
}
export interface RunOptions {
  inputs: Record<string, string>
  event?: {
    name: string
    payload: unknown
  }
  env?: Record<string, string>
  workspace?: string
  entry?: string
  /** What `${{ github.token }}` evaluates to (default: empty). */
  githubToken?: string
}
export declare function parseOutputFile(text: string): Record<string, string>
export declare function runAction(options: RunOptions): Promise<ActionRun>
/** The base64 cores (every alignment, standard and URL-safe) of any text that contains `secret`. */
export declare function base64Forms(secret: string): string[]
/** Every form a secret could leak in: raw, URL-encoded, URL-decoded, base64 (any alignment). */
export declare function secretForms(secret: string): string[]
