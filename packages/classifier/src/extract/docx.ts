import { ExtractError } from './errors'
import { decodeXmlText } from './xml'
import { byTrailingNumber, readZipParts } from './zip'

const TOKEN = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:cr\/>/g

/** Text of one WordprocessingML part: runs joined, a line per paragraph, tabs and breaks kept. */
export function wordXmlToText(xml: string): string {
  let out = ''
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[1] !== undefined) out += decodeXmlText(m[1])
    else if (m[0] === '</w:p>') out += '\n'
    else if (m[0] === '<w:tab/>') out += '\t'
    else out += '\n'
  }
  return out
}

const isPart = (p: string): boolean =>
  p === 'word/document.xml' ||
  /^word\/(header|footer)\d*\.xml$/.test(p) ||
  p === 'word/footnotes.xml' ||
  p === 'word/endnotes.xml' ||
  p === 'word/comments.xml'

/**
 * Text of a .docx: the body, then headers, footers, footnotes, endnotes and comments, each
 * part separated by a blank line.
 */
export function extractDocx(bytes: Uint8Array): string {
  const parts = readZipParts(bytes, isPart)
  const body = parts.get('word/document.xml')
  if (body === undefined) throw new ExtractError('corrupt', 'The document has no word/document.xml part')
  const rest = [...parts.keys()].filter((p) => p !== 'word/document.xml').sort(byTrailingNumber)
  return [body, ...rest.map((p) => parts.get(p)!)]
    .map(wordXmlToText)
    .filter((t) => t.length > 0)
    .join('\n')
}
