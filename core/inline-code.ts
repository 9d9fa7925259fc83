// Verdicts and hints mark code with Markdown backticks. Each front end shows the marked
// pieces its own way (coloured in the terminal, <code> in the deck), never the backticks.

interface TextPiece { text: string, code: boolean }

/** `text` cut into plain pieces and code pieces (a pair of backticks on one line). */
export function inlineCode(text: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = 0
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > at)
      pieces.push({ text: text.slice(at, match.index), code: false })
    pieces.push({ text: match[1], code: true })
    at = match.index + match[0].length
  }
  if (at < text.length)
    pieces.push({ text: text.slice(at), code: false })
  return pieces
}
