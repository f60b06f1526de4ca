import { ExtractError } from './errors'
import { decodeXmlText } from './xml'
import { byTrailingNumber, readZipParts } from './zip'

/** Text of a rich-text or plain string item (`<si>` or `<is>`), phonetic runs left out. */
function stringItemText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
  let out = ''
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += decodeXmlText(m[1]!)
  return out
}

/** The shared string table, in order. */
export function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? '' : stringItemText(m[1])))
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g

/** One worksheet as text: a line per row, cells separated by tabs. */
export function sheetXmlToText(xml: string, shared: readonly string[]): string {
  const lines: string[] = []
  for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = []
    CELL.lastIndex = 0
    for (let m = CELL.exec(row[1]!); m; m = CELL.exec(row[1]!)) {
      const type = /\bt="([^"]*)"/.exec(m[1]!)?.[1] ?? 'n'
      const inner = m[2] ?? ''
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1]
      if (type === 's') cells.push(v === undefined ? '' : (shared[Number(v)] ?? ''))
      else if (type === 'inlineStr') cells.push(stringItemText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? ''))
      else if (type === 'b') cells.push(v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '')
      else cells.push(v === undefined ? '' : decodeXmlText(v))
    }
    while (cells.length && cells[cells.length - 1] === '') cells.pop()
    lines.push(cells.join('\t'))
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  return lines.join('\n')
}

/** Text of an .xlsx: every worksheet in order, separated by a blank line. */
export function extractXlsx(bytes: Uint8Array): string {
  const parts = readZipParts(bytes, (p) => p === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
  const sheets = [...parts.keys()].filter((p) => p.startsWith('xl/worksheets/')).sort(byTrailingNumber)
  if (sheets.length === 0) throw new ExtractError('corrupt', 'The workbook has no worksheets')
  const shared = parseSharedStrings(parts.get('xl/sharedStrings.xml') ?? '')
  return sheets.map((p) => sheetXmlToText(parts.get(p)!, shared)).join('\n\n')
}
