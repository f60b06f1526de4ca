import { PDFDocument, StandardFonts } from 'pdf-lib'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { scanText } from '../scan'
import { makeDocx, makeXlsx } from '../testing/fixtures'
import { ExtractError, extensionOf, extractChatExport, extractText, isSupported } from './index'

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('extractText', () => {
  it('decodes text files as UTF-8 and drops a BOM', async () => {
    const { text, kind } = await extractText(
      'notes.TXT',
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('身份證 A123456(3)')]),
    )
    expect(kind).toBe('text')
    expect(text).toBe('身份證 A123456(3)')
  })

  it('reads a DingTalk chat export as its message texts joined by newlines', async () => {
    const chat = {
      conversation: { title: '陳氏 v 李氏' },
      messages: [
        {
          sender: { name: '陳大文' },
          time: '2025-04-17T09:30:00+08:00',
          msgType: 'text',
          content: '請核對身份證 A123456(3) 👍',
        },
        { senderName: 'Amy', createAt: 1744853400000, msgtype: 'text', text: { content: 'Tel +852 9123 4567' } },
        { sender: '李', time: 't', msgType: 'richText', content: { richText: [{ text: '付款' }, { text: '完成' }] } },
        { sender: '李', time: 't', msgType: 'file', content: { fileName: '合約.pdf' } },
      ],
    }
    const { text, kind } = await extractText('chat.json', utf8(JSON.stringify(chat)))
    expect(kind).toBe('chat_export')
    expect(text).toBe('請核對身份證 A123456(3) 👍\nTel +852 9123 4567\n付款完成\n合約.pdf')
    const f = scanText(text).find((x) => x.type === 'phone')!
    expect(text.slice(f.start, f.end)).toBe('+852 9123 4567')
    expect(extractChatExport(JSON.stringify(chat.messages))).toBe(text)
  })

  it('scans JSON exported with \\uXXXX escapes with offsets into the file text', async () => {
    const raw = String.raw`{"client":{"note":"\u8eab\u4efd\u8b49\uff1aA123456\uff083\uff09","tel":"\u96fb\u8a71 852 9123 4567"}}`
    const { text, kind } = await extractText('export.json', utf8(raw))
    expect(kind).toBe('text')
    const found = scanText(text).filter((f) => f.type !== 'keyword')
    expect(found.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
      ['hk_id', String.raw`A123456\uff083\uff09`],
      ['phone', '852 9123 4567'],
    ])
  })

  it('reads a chat export whose texts are \\u-escaped, and escaped JSON inside a message', async () => {
    const messages = [
      { sender: { name: '陳大文' }, time: 't', content: '身份證 A123456-3' },
      { sender: { name: 'Amy' }, time: 't', content: String.raw`{"tel":"\u96fb\u8a71 9123\u00a04567"}` },
    ]
    const ascii = JSON.stringify({ messages }).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    const { text, kind } = await extractText('chat.json', utf8(ascii))
    expect(kind).toBe('chat_export')
    const found = scanText(text).filter((f) => f.type !== 'keyword')
    expect(found.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
      ['hk_id', 'A123456-3'],
      ['phone', String.raw`9123\u00a04567`],
    ])
  })

  it('scans other JSON as written', async () => {
    const raw = '{"client":{"hkid":"A123456(3)"}}'
    expect(await extractText('data.json', utf8(raw))).toEqual({ text: raw, kind: 'text' })
  })

  it('reads .docx paragraphs, runs, tabs, tables and footers', async () => {
    const bytes = makeDocx(['客戶：陳大文', 'HKID |A123456|(3)', 'a & b < c'], {
      'word/footer1.xml': '<w:ftr xmlns:w="x"><w:p><w:r><w:t>機密 &#x6A5F;</w:t></w:r></w:p></w:ftr>',
    })
    const { text } = await extractText('a.docx', bytes)
    expect(text).toBe('客戶：陳大文\nHKID A123456(3)\na & b < c\ncell\ttab\n\n機密 機\n')
    expect(scanText(text).map((f) => f.type)).toContain('hk_id')
  })

  it('reads .xlsx sheets as rows of tab-separated cells, numbers included', async () => {
    const bytes = makeXlsx([
      [
        ['Name', 'Phone'],
        ['陳大文', '+852 9123 4567'],
        ['Card', 4111111111111111],
      ],
      [['only', 'sheet2']],
    ])
    const { text } = await extractText('book.xlsx', bytes)
    expect(text).toBe('Name\tPhone\n陳大文\t+852 9123 4567\nCard\t4111111111111111\n\nonly\tsheet2')
    expect(scanText(text).map((f) => f.type)).toEqual(['phone', 'credit_card'])
  })

  it('reads PDF text page by page', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    pdf.addPage().drawText('HKID A123456(3)', { x: 50, y: 700, size: 12, font })
    pdf.addPage().drawText('Card 4111 1111 1111 1111', { x: 50, y: 700, size: 12, font })
    const { text, kind } = await extractText('scan.pdf', await pdf.save())
    expect(kind).toBe('pdf')
    expect(text).toContain('A123456(3)')
    expect(
      scanText(text)
        .filter((f) => f.type !== 'keyword')
        .map((f) => [f.type, text.slice(f.start, f.end)]),
    ).toEqual([
      ['hk_id', 'A123456(3)'],
      ['credit_card', '4111 1111 1111 1111'],
    ])
  })

  it('fails clearly on unsupported, corrupt and protected files', async () => {
    await expect(extractText('photo.png', utf8('x'))).rejects.toMatchObject({ reason: 'unsupported' })
    await expect(extractText('bad.docx', utf8('PK not a zip'))).rejects.toMatchObject({ reason: 'corrupt' })
    await expect(extractText('old.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({
      reason: 'encrypted',
    })
    await expect(extractText('empty.xlsx', zipSync({ 'a.txt': strToU8('x') }))).rejects.toBeInstanceOf(ExtractError)
    await expect(extractText('bad.pdf', utf8('%PDF-1.4 garbage'))).rejects.toMatchObject({ reason: 'corrupt' })
  })

  it('knows extensions', () => {
    expect(extensionOf('a/b/C.DOCX')).toBe('.docx')
    expect(extensionOf('.bashrc')).toBe('')
    expect(isSupported('x.md')).toBe(true)
    expect(isSupported('x.doc')).toBe(false)
  })
})
