import { describe, expect, it } from 'vitest'
import { escapeMarkdown, escapeMarkdownLine } from './markdown'

/** What a markdown renderer would make a link of: [text](url), <url>, a bare address, an HTML anchor. */
const LINKISH = /\[[^\]\\]*\]\(|<a\s|<https?:|https?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:example|com|hk|top|io|net)\b/i

describe('escapeMarkdown', () => {
  it.each([
    '[Open the invoice](https://evil.example/pay)',
    '![x](https://evil.example/pixel.png)',
    'see https://evil.example/login now',
    'see HTTP://EVIL.EXAMPLE',
    'go to www.evil-site.com',
    'verify at dingtalk-support.top/verify',
    '<a href="https://evil.example">Open</a>',
    '<https://evil.example>',
    '[Open][1]\n\n[1]: https://evil.example',
    'mail me: a.person@evil-mail.com',
    '登入 https://釘釘.example/驗證',
  ])('leaves no link in %j', (text) => {
    expect(escapeMarkdown(text)).not.toMatch(LINKISH)
  })

  it('keeps ordinary text readable', () => {
    expect(escapeMarkdown('陳大文 on contract.pdf: 請於 17/4 前回覆，謝謝！')).toBe(
      '陳大文 on contract.pdf: 請於 17/4 前回覆，謝謝！',
    )
    expect(escapeMarkdown('Version 2.1 of the bundle')).toBe('Version 2.1 of the bundle')
  })

  it('escapes structure at the start of a line and inline emphasis', () => {
    expect(escapeMarkdown('# Urgent\n> quoted\n- item\n1. first')).toBe('\\# Urgent\n&gt; quoted\n\\- item\n\\1. first')
    expect(escapeMarkdown('**bold** _it_ `code` | a ~x~')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\| a \\~x\\~')
    expect(escapeMarkdown('a & b <b>')).toBe('a &amp; b &lt;b&gt;')
  })

  it('defangs addresses so they still read as what was written', () => {
    expect(escapeMarkdown('https://evil.example/x')).toBe('hxxps://evil\\[.\\]example/x')
  })

  it('folds a title onto one line', () => {
    expect(escapeMarkdownLine('Case 1\n### Fake heading\r\n[x](https://e.com)')).not.toMatch(/\n|\[x\]\(/)
  })
})
