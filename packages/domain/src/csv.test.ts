import { describe, expect, it } from 'vitest'
import { csvCell, csvDocument, csvRow, parseCsvRow } from './csv'

/** What a spreadsheet would evaluate: an unquoted or quoted cell whose text starts a formula. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell.startsWith('"') ? cell.slice(1) : cell)

describe('csv', () => {
  it.each([
    '=HYPERLINK("https://evil.example","Open")',
    "+1+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1+1',
    '＝1+1',
    "=cmd|'/C powershell'!A1",
  ])('neutralises %j', (v) => {
    const cell = csvCell(v)
    expect(runsAsFormula(cell)).toBe(false)
    expect(cell.replace(/^"/, '')[0]).toBe("'")
  })

  it('quotes separators, quotes and line breaks, and joins lists', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"')
    expect(csvCell(['x', 'y'])).toBe('x; y')
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(12.5)).toBe('12.5')
  })

  it('reads back exactly what it wrote, neutralised cells included', () => {
    const values = ['=1+1', "'quoted", "''twice", 'plain', 'a,"b"', '-5', '', '陳大文', ' padded ']
    expect(parseCsvRow(csvRow(values))).toEqual(values)
  })

  it('writes a file Excel opens as UTF-8', () => {
    expect(
      csvDocument([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('\uFEFFa,b\r\n1,2\r\n')
    expect(csvDocument([['a']], { bom: false })).toBe('a\r\n')
  })
})
