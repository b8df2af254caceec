import * as core from '@actions/core'

/**
 * The runner reads a line of the step's stdout as a workflow command when, after leading whitespace, it starts with
 * `::` (`::add-mask::`, `::warning::`, `::stop-commands::`…), or when it contains the legacy prefix `##[` anywhere.
 * Text that comes from a pull request, a database or a backup (directory names, SQL, server messages) can hold
 * either. A zero-width space after the first character keeps the line readable and makes it no command.
 * Annotations and groups (`core.warning`, `core.group`…) escape their text themselves; `core.info` does not.
 */
export function neutralizeCommands(text: string): string {
  // `m`: a line starts after \n and after a lone \r too, as the runner splits them. .NET's Trim() also strips U+0085,
  // which `\s` does not cover.
  return text.replace(/^([\s\u0085]*):(?=:)/gm, '$1:\u200b').replace(/#(?=#\[)/g, '#\u200b')
}

/** `core.info` for any text that may hold something we did not write. */
export function info(text: string): void {
  core.info(neutralizeCommands(text))
}
