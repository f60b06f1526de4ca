import { extractChatExport } from './chat-export'
import { extractDocx } from './docx'
import { ExtractError } from './errors'
import { extractPdf, type PdfOptions } from './pdf'
import { extractXlsx } from './xlsx'

/**
 * Browser-safe text extraction: bytes in, the text the detectors scan out. Offsets of findings
 * index `text`. Node code reading files uses `@suite/classifier/node`.
 */
export { ExtractError, type ExtractFailure } from './errors'
export { extractChatExport, chatMessages } from './chat-export'
export { extractDocx, wordXmlToText } from './docx'
export { extractXlsx, sheetXmlToText, parseSharedStrings } from './xlsx'
export { extractPdf, type PdfOptions } from './pdf'

/** File extensions the extractors read. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.csv', '.json', '.docx', '.xlsx', '.pdf'] as const
export type SupportedExtension = (typeof SUPPORTED_EXTENSIONS)[number]

/** What kind of text came out. */
export type ExtractedKind = 'text' | 'chat_export' | 'docx' | 'xlsx' | 'pdf'

/** Result of {@link extractText}. */
export interface Extracted {
  text: string
  kind: ExtractedKind
}

/** Lower-case extension of a file name (`.docx`), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

/** True when {@link extractText} can read a file of this name. */
export function isSupported(name: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(name))
}

/** UTF-8 text of a file (a leading BOM is dropped; invalid bytes become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

/**
 * Extract the text of a file by its name's extension. A `.json` file that is a DingTalk chat
 * export gives its messages' texts; any other JSON is scanned as written (`scanText` decodes
 * its `\uXXXX` escapes itself, so findings index the file's text and can be masked in place).
 * @throws ExtractError `unsupported`, `corrupt` or `encrypted`.
 */
export async function extractText(
  name: string,
  bytes: Uint8Array,
  options: { pdf?: PdfOptions } = {},
): Promise<Extracted> {
  const ext = extensionOf(name)
  switch (ext) {
    case '.txt':
    case '.md':
    case '.csv':
      return { text: decodeUtf8(bytes), kind: 'text' }
    case '.json': {
      const raw = decodeUtf8(bytes)
      const chat = extractChatExport(raw)
      return chat === null ? { text: raw, kind: 'text' } : { text: chat, kind: 'chat_export' }
    }
    case '.docx':
      return { text: extractDocx(bytes), kind: 'docx' }
    case '.xlsx':
      return { text: extractXlsx(bytes), kind: 'xlsx' }
    case '.pdf':
      return { text: await extractPdf(bytes, options.pdf), kind: 'pdf' }
    default:
      throw new ExtractError('unsupported', `Files of type "${ext || name}" are not supported`)
  }
}
