// A PDF's text as a reader gets it from a viewer (pdf.js, what Firefox and many viewers
// use): page by page, line by line, with the spaces the PDF holds, so indentation stays.
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Each page's text, lines ending in "\n". */
export async function pagesText(file: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let no = 1; no <= pdf.numPages; no++) {
      const { items } = await (await pdf.getPage(no)).getTextContent()
      pages.push(items.map(item => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
    }
    return pages
  }
  finally {
    await pdf.destroy()
  }
}
