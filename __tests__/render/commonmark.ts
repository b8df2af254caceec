/**
 * How a reader's markdown parser sees code spans (CommonMark 6.1: a backtick run closed by the next run of the same
 * length), written independently of src/render/markdown.ts so that tests can check where its output puts names.
 */

/** CommonMark code spans and the text between them, with the code span's content as the reader sees it. */
export function spans(md: string): { code: string[]; text: string } {
  const codeParts: string[] = []
  let textParts = ''
  let i = 0
  while (i < md.length) {
    if (md[i] !== '`') {
      textParts += md[i++]
      continue
    }
    let n = 0
    while (md[i + n] === '`') n++
    const fenceRun = '`'.repeat(n)
    let j = i + n
    let close = -1
    while (j < md.length) {
      const k = md.indexOf(fenceRun, j)
      if (k < 0) break
      let m = 0
      while (md[k + m] === '`') m++
      if (m === n) {
        close = k
        break
      }
      j = k + m
    }
    if (close < 0) {
      textParts += fenceRun
      i += n
      continue
    }
    let content = md.slice(i + n, close).replace(/\n/g, ' ')
    if (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '' && content.length > 1)
      content = content.slice(1, -1)
    codeParts.push(content)
    textParts += '\u0000' // where a span was
    i = close + n
  }
  return { code: codeParts, text: textParts }
}
