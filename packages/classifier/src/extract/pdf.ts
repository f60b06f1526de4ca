import { ExtractError } from './errors'

/** Where pdf.js finds its CMaps and standard fonts (a path in Node, a URL in the browser). */
export interface PdfOptions {
  cMapUrl?: string
  standardFontDataUrl?: string
}

interface TextItemLike {
  str?: string
  hasEOL?: boolean
}

/**
 * Text of a PDF with pdf.js (legacy build: runs in Node 20 and in browser workers). pdf.js
 * runs its parser in this thread (`globalThis.pdfjsWorker`), so no nested worker is needed.
 * Pages are separated by a blank line; an image-only (scanned) PDF gives no text.
 */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const g = globalThis as { pdfjsWorker?: unknown }
  // @ts-expect-error pdf.js ships no types for its worker module; we only hand it back to pdf.js.
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>
  try {
    doc = await pdfjs.getDocument({
      // pdf.js may take ownership of the buffer: give it a copy.
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
      ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
    }).promise
  } catch (e) {
    const name = (e as { name?: string }).name
    if (name === 'PasswordException') throw new ExtractError('encrypted', 'The PDF is password-protected', { cause: e })
    throw new ExtractError('corrupt', 'The file is not a readable PDF', { cause: e })
  }
  try {
    const pages: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items as TextItemLike[]) {
        if (typeof item.str === 'string') text += item.str
        if (item.hasEOL) text += '\n'
      }
      pages.push(text)
      page.cleanup()
    }
    return pages.join('\n\n')
  } finally {
    await doc.destroy()
  }
}
