import type { Expected } from './generate'
import type { FormType } from './forms-ids'

/**
 * The files a written-forms corpus cell is written into: plain text, CSV (cells quoted only
 * when they must be, and always quoted with embedded commas and quotes), JSON as most tools
 * write it (UTF-8, or every non-ASCII character and `/` escaped: `\u8eab`, `\/`), escaped JSON
 * inside a CSV cell, and a DingTalk chat export (UTF-8 or escaped). Each file is read the way
 * the CLI and the browser worker read it (`extractText` by its name), and the labels are
 * offsets into what that gives: the file text itself, or for a chat export the messages' text.
 */

/** A stretch of a line; `label` marks a value the detectors must find. */
export interface Piece {
  text: string
  label?: FormType
}
/** One line: one CSV row, one JSON record, one chat message. */
export type Line = readonly Piece[]

/** A corpus file and the labels of the text extracted from it. */
export interface RenderedFile {
  name: string
  content: string
  expected: Expected[]
}

/** Names of the containers, in table order. */
export const CONTAINERS = [
  'txt',
  'csv',
  'csv quoted',
  'json',
  'json escaped',
  'csv escaped json',
  'chat export',
  'chat escaped',
] as const
export type ContainerName = (typeof CONTAINERS)[number]

const csvQuote = (s: string): string => s.replace(/"/g, '""')
const jsonString = (s: string): string => JSON.stringify(s).slice(1, -1)
/** JSON text as `ensure_ascii` / `ESCAPE_NON_ASCII` / PHP write it: non-ASCII as `\uXXXX`, `/` as `\/`. */
export const asciiJson = (json: string): string =>
  json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/')
const jsonAscii = (s: string): string => asciiJson(jsonString(s))

interface Layout {
  head: string
  /** What comes before line `i` (already in the file's syntax). */
  open: (i: number, line: Line) => string
  close: (i: number, line: Line) => string
  between: string
  tail: string
  /** How a piece of a line is written inside the file. */
  encode: (s: string) => string
}

/** Lay lines out in a file, tracking where each labelled piece lands. */
function layout(lines: readonly Line[], l: Layout): { content: string; expected: Expected[] } {
  let content = l.head
  const expected: Expected[] = []
  lines.forEach((line, i) => {
    if (i > 0) content += l.between
    content += l.open(i, line)
    for (const p of line) {
      const written = l.encode(p.text)
      if (p.label) expected.push({ type: p.label, start: content.length, end: content.length + written.length })
      content += written
    }
    content += l.close(i, line)
  })
  return { content: content + l.tail, expected }
}

const PLAIN: Layout = { head: '', open: () => '', close: () => '', between: '\n', tail: '\n', encode: (s) => s }
const needsQuotes = (line: Line): boolean => line.some((p) => /[",\r\n]/.test(p.text))

const LAYOUTS: Record<Exclude<ContainerName, 'chat export' | 'chat escaped'>, Layout> = {
  txt: PLAIN,
  csv: {
    head: 'id,client,note,amount\n',
    between: '\n',
    tail: '\n',
    encode: csvQuote,
    open: (i, line) => `${i + 1},陳大文,${needsQuotes(line) ? '"' : ''}`,
    close: (_i, line) => `${needsQuotes(line) ? '"' : ''},"HK$1,234.00"`,
  },
  'csv quoted': {
    head: 'id,client,note,amount\n',
    between: '\n',
    tail: '\n',
    encode: csvQuote,
    open: (i) => `${i + 1},"Chan, Tai Man","客戶 ""VIP"", `,
    close: () => ', 備註 ""急"""," HK$1,234.00 "',
  },
  json: {
    head: '{"export":"case-notes","records":[\n',
    between: ',\n',
    tail: '\n]}\n',
    encode: jsonString,
    open: (i) => `{"id":${i + 1},"client":"陳大文","note":"`,
    close: () => '","amount":"HK$1,234.00"}',
  },
  'json escaped': {
    head: '{"export":"case-notes","records":[\n',
    between: ',\n',
    tail: '\n]}\n',
    encode: jsonAscii,
    open: (i) => `{"id":${i + 1},"client":"\\u9673\\u5927\\u6587","note":"`,
    close: () => '","updated":"2025\\/04\\/17"}',
  },
  'csv escaped json': {
    head: 'id,payload\n',
    between: '\n',
    tail: '\n',
    encode: (s) => csvQuote(jsonAscii(s)),
    open: (i) => `${i + 1},"{""by"":""\\u9673\\u5927\\u6587"",""note"":""`,
    close: () => '""}"',
  },
}

/** Lay `lines` out in `container`: the file to extract and the labels of its extracted text. */
export function renderContainer(container: ContainerName, lines: readonly Line[], index: number): RenderedFile {
  if (container === 'chat export' || container === 'chat escaped') {
    // The extracted text is the messages joined with newlines: the plain layout without its last newline.
    const { expected } = layout(lines, { ...PLAIN, tail: '' })
    const start = Date.UTC(2025, 3, 17, 1, 30) + index * 86_400_000
    const json = JSON.stringify({
      conversation: { id: `cid${index}`, title: '陳氏 v 李氏', type: 'group' },
      messages: lines.map((line, i) => ({
        msgId: `m${index}-${i}`,
        sender: { userId: `u${i % 3}`, name: ['陳大文', 'Amy Wong', '李小明'][i % 3] },
        time: new Date(start + i * 60_000).toISOString(),
        msgType: 'text',
        content: line.map((p) => p.text).join(''),
      })),
    })
    return { name: `chat-${index}.json`, content: container === 'chat export' ? json : asciiJson(json), expected }
  }
  const { content, expected } = layout(lines, LAYOUTS[container])
  const ext = container === 'txt' ? 'txt' : container.startsWith('json') ? 'json' : 'csv'
  return { name: `cell-${index}.${ext}`, content, expected }
}
