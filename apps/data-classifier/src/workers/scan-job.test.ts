import { describe, expect, it } from 'vitest'
import { scanText } from '@suite/classifier'
import { runScan, snippetOf, type ScanMessage } from './scan-job'

describe('runScan', () => {
  it('scans each source in turn, reporting progress, results and failures', async () => {
    const chat = JSON.stringify({
      messages: [
        { sender: '陳', time: 't', content: '身份證 A123456(3) 🙏' },
        { sender: 'Amy', time: 't', content: 'ok' },
      ],
    })
    const messages: ScanMessage[] = []
    await runScan(
      {
        jobId: 7,
        items: [
          { sourceId: 'a', name: 'pasted', kind: 'pasted', file: null, text: 'Tel +852 9123 4567' },
          { sourceId: 'b', name: 'chat', kind: 'chat_export', file: null, text: chat },
          {
            sourceId: 'c',
            name: 'notes.txt',
            kind: 'file',
            file: new File(['卡號 4111 1111 1111 1111'], 'notes.txt'),
            text: null,
          },
          { sourceId: 'd', name: 'photo.png', kind: 'file', file: new File(['x'], 'photo.png'), text: null },
        ],
      },
      (m) => messages.push(m),
    )
    expect(messages.map((m) => `${m.type}:${'sourceId' in m ? m.sourceId : ''}`)).toEqual([
      'progress:a',
      'result:a',
      'progress:b',
      'result:b',
      'progress:c',
      'result:c',
      'progress:d',
      'failed:d',
      'done:',
    ])
    const results = messages.filter((m): m is Extract<ScanMessage, { type: 'result' }> => m.type === 'result')
    expect(results[0]!.findings.map((f) => [f.type, f.masked])).toEqual([['phone', '+852 9*** **67']])
    expect(results[1]!.findings.find((f) => f.type === 'hk_id')).toMatchObject({
      start: 4,
      end: 14,
      masked: 'A123***(*)',
    })
    expect(results[1]!.chars).toBe('身份證 A123456(3) 🙏\nok'.length)
    expect(results[2]!.findings.map((f) => f.type)).toEqual(['credit_card'])
    expect(messages.at(-2)).toMatchObject({ type: 'failed', error: 'unsupported' })
    expect(messages.every((m) => m.jobId === 7)).toBe(true)
  })

  it('never cuts an emoji in a snippet', () => {
    const text = `${'😀'.repeat(30)}，A123456(3)，${'🙏'.repeat(30)}`
    const [f] = scanText(text)
    const snippet = snippetOf(text, f!.start, f!.end, f!.masked, [f!])
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect(snippet).toContain('[A123***(*)]')
  })

  it('builds one-line snippets with every personal value masked, cut ones too', () => {
    const text = `Card 4111 1111 1111 1111 前文 chan@example.com\n身份證 A123456(3) 及 B987654(?) 尾`
    const found = scanText(text)
    const hk = found.find((f) => f.type === 'hk_id')!
    const masks = found.filter((f) => f.type !== 'keyword')
    expect(snippetOf(text, hk.start, hk.end, hk.masked, masks)).toBe(
      '…*************** 前文 c***@example.com 身份證 [A123***(*)] 及 B987654(?) 尾',
    )
    const mail = found.find((f) => f.type === 'email')!
    expect(snippetOf(text, mail.start, mail.end, mail.masked, masks)).toBe(
      'Card **** **** **** 1111 前文 [c***@example.com] 身份證 A123***(*) 及 B987654(?) 尾',
    )
  })
})
