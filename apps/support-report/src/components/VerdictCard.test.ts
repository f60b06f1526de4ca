import { mountWithSuite } from '@suite/app-kit/testing'
import { checkIdentifier, REASON_CODES } from '@suite/scam-check'
import { describe, expect, it } from 'vitest'
import { messages } from '../locales'
import VerdictCard from './VerdictCard.vue'

const lists = {
  official: [{ kind: 'url' as const, value: 'dingtalk.com', label: 'DingTalk' }],
  knownScams: [{ kind: 'phone' as const, value: '+85261234567' }],
}
const card = async (raw: string, locale: 'zh-HK' | 'zh-CN' | 'en' = 'en', opts = {}) =>
  (
    await mountWithSuite(VerdictCard, {
      props: { result: checkIdentifier(raw, lists, opts), kindLabel: 'phone number' },
      locale,
    })
  ).wrapper

describe('VerdictCard', () => {
  it('never lets "no record" read as safe, and links to Scameter', async () => {
    const w = await card('+852 9876 5432')
    expect(w.get('[data-verdict]').text()).toBe('No record: this does not mean it is safe')
    expect(w.text()).toContain('treat it as suspect')
    expect(w.get('a').attributes('href')).toBe('https://cyberdefender.hk/en-us/scameter/')
    expect((await card('+852 9876 5432', 'zh-HK')).get('[data-verdict]').text()).toBe('沒有紀錄：不代表安全')
  })

  it("lists the reasons of a suspicious link in the reader's language", async () => {
    const w = await card('http://dingtaIk.com.support-hk.top', 'zh-HK')
    expect(w.get('[data-verdict]').text()).toBe('可疑')
    const items = w.findAll('li').map((li) => li.text())
    expect(items).toContain('連結不安全（http 而非 https）。')
    expect(items.some((i) => i.includes('dingtalk.com') && i.includes('support-hk.top'))).toBe(true)
  })

  it('shows the real (punycode) name of a look-alike host beside the decoded one', async () => {
    const w = await card('https://dingtаlk.com/verify')
    expect(w.get('[data-test="ascii-host"]').text()).toMatch(/^xn--/)
    expect((await card('https://example.org')).find('[data-test="ascii-host"]').exists()).toBe(false)
  })

  it('names a known scam and an official channel', async () => {
    expect((await card('6123 4567')).get('[data-verdict]').text()).toBe('Known scam')
    const official = await card('https://www.dingtalk.com', 'zh-CN')
    expect(official.get('[data-verdict]').text()).toBe('官方渠道')
    expect(official.text()).toContain('DingTalk')
    expect(official.find('a').exists()).toBe(false)
  })

  it('says a caller claiming to be DingTalk support is not', async () => {
    expect((await card('+852 9876 5432', 'en', { claimsDingTalk: true })).text()).toContain(
      'DingTalk has no customer-service phone line in Hong Kong',
    )
  })

  it('asks to check the kind only when the text cannot be read as one', async () => {
    expect((await card('+852 9876 5432')).text()).not.toContain('We could not read this')
    expect((await card('https://example.org')).text()).not.toContain('We could not read this')
    expect((await card('12', 'en', { kind: 'phone' })).text()).toContain('We could not read this as a phone number')
  })

  it('shows what was typed, exactly, with each deceptive character marked and named', async () => {
    const w = await card('http://dingtaIk-support.com/login')
    const typed = w.get('[data-test="typed"]')
    expect(typed.text()).toContain('What was typed, exactly:')
    expect(typed.find('.marked-text').text()).toBe('http://dingtaIk-support.com/login')
    expect(typed.findAll('mark').map((m) => m.text())).toEqual(['I'])
    expect(
      w
        .get('[data-test="legend"]')
        .findAll('.mark-legend__words')
        .map((l) => l.text()),
    ).toEqual(['capital I in place of small l'])
    // The two glyphs side by side, in the monospaced font that tells them apart.
    expect(w.get('.mark-legend__glyphs').text()).toBe('I ≠ l')
    // Nothing on the card lower-cases the trick away.
    expect(w.text()).not.toContain('dingtaik')
    expect((await card('https://dingtаlk.com', 'zh-HK')).get('[data-test="legend"]').text()).toContain(
      '以西里爾字母「а」代替細楷「a」',
    )
    expect((await card('https://dingta1k.com', 'zh-CN')).get('[data-test="legend"]').text()).toContain(
      '用数字“1”代替小写“l”',
    )
    expect((await card('https://ｄｉｎｇｔａＩｋ.com', 'zh-HK')).get('[data-test="legend"]').text()).toContain(
      '以全形字元「Ｉ」代替細楷「l」',
    )
    const plain = await card('https://example.org')
    expect(plain.get('[data-test="typed"] .marked-text').text()).toBe('https://example.org')
    expect(plain.find('mark').exists()).toBe(false)
    expect(plain.find('[data-test="legend"]').exists()).toBe(false)
    expect((await card('https://www.dingtalk.com')).find('mark').exists()).toBe(false)
  })

  it('marks the coded (punycode) label as typed and the decoded character it hides', async () => {
    const ascii = new URL('https://dingtаlk.com').hostname
    const w = await card(`https://${ascii}/verify`, 'zh-HK')
    expect(w.get('[data-test="typed"] .marked-text').text()).toBe(`https://${ascii}/verify`)
    expect(w.get('[data-test="typed"] mark').text()).toBe(ascii.replace('.com', ''))
    const decoded = w.get('[data-test="decoded"]')
    expect(decoded.text()).toContain('實際讀作：')
    expect(decoded.find('.marked-text').text()).toBe('https://dingtаlk.com/verify')
    expect(decoded.findAll('mark').map((m) => m.text())).toEqual(['а'])
    const legend = w
      .get('[data-test="legend"]')
      .findAll('.mark-legend__words')
      .map((l) => l.text())
    expect(legend).toEqual([
      `「${ascii.replace('.com', '')}」是「dingtаlk」的編碼寫法`,
      '以西里爾字母「а」代替細楷「a」',
    ])
  })

  it('says only what is true of the input: the real site, the brand imitated, the characters that differ', async () => {
    const items = async (raw: string, locale: 'zh-HK' | 'zh-CN' | 'en' = 'en') =>
      (await card(raw, locale))
        .get('[data-test="reasons"]')
        .findAll('li')
        .map((li) => li.text())
    expect(await items('http://dingtaIk-support.com/login')).toEqual([
      'The link is not secure (http, not https).',
      'The site is dingtaIk-support.com, not dingtalk.com: its name "dingtaIk-support" is made to look like dingtalk. Look closely: capital I in place of small l.',
    ])
    // The host holds "dingtaIk.com", not "dingtalk.com": the finding quotes what is there.
    expect(await items('http://dingtaIk.com.support-hk.top')).toContain(
      'The site is really support-hk.top, not dingtalk.com: "dingtaIk.com" is only put in front of its name. Look closely: capital I in place of small l.',
    )
    expect(await items('https://dingtalk.com.support-hk.top')).toEqual([
      'The site is really support-hk.top, not dingtalk.com: "dingtalk.com" is only put in front of its name.',
    ])
    expect(await items('http://dingtaIk-support.com/login', 'zh-HK')).toContain(
      '這個網站是 dingtaIk-support.com，不是 dingtalk.com：它的名稱「dingtaIk-support」刻意弄得像 dingtalk。留意：以大楷「I」代替細楷「l」。',
    )
    // Not in the registry, so nothing is claimed about it.
    expect((await card('https://rnicrosoft.com')).find('[data-test="reasons"]').exists()).toBe(false)
    const lists2 = { official: [{ kind: 'url' as const, value: 'microsoft.com', label: 'M' }], knownScams: [] }
    const w = await mountWithSuite(VerdictCard, {
      props: { result: checkIdentifier('https://rnicrosoft.com', lists2), kindLabel: '' },
      locale: 'en',
    })
    expect(w.wrapper.get('[data-test="reasons"]').text()).toContain(
      'The site is rnicrosoft.com, not microsoft.com: it only looks the same. Look closely: the letters rn together in place of small m.',
    )
  })

  it("explains shorteners, split brands and the brand's other names in every language", async () => {
    const items = async (raw: string, locale: 'zh-HK' | 'zh-CN' | 'en') =>
      (await card(raw, locale)).findAll('li').map((li) => li.text())
    expect(await items('https://bit.ly/3abc', 'en')).toContain(
      'A link shortener (bit.ly) hides where this link really goes. Do not open it: ask IT to look where it leads.',
    )
    expect((await items('https://bit.ly/3abc', 'zh-HK'))[0]).toContain('短網址')
    expect((await items('https://bit.ly/3abc', 'zh-CN'))[0]).toContain('短链接')
    expect(await items('https://ding-talk-support.com', 'en')).toContain(
      'The site is ding-talk-support.com, not dingtalk.com: it splits the name dingtalk with hyphens or dots ("ding-talk-support").',
    )
    expect((await items('https://ding-talk-support.com', 'zh-HK'))[0]).toContain('拆開')
    expect((await items('https://dingding-hk.com', 'en'))[0]).toBe(
      'The site is dingding-hk.com, not dingtalk.com: it uses another name of the brand (its Chinese name or pinyin, such as 釘釘 or dingding).',
    )
    expect((await items('https://钉钉客服.com', 'zh-CN')).some((i) => i.includes('另一个名称'))).toBe(true)
  })

  it('has a message for every reason code in every language', () => {
    for (const locale of ['en', 'zh-HK', 'zh-CN'] as const) {
      const reasons = messages[locale].check.reasons as Record<string, string>
      expect(Object.keys(reasons).sort()).toEqual([...REASON_CODES].sort())
      for (const code of REASON_CODES) expect(reasons[code]?.trim(), `${locale} ${code}`).toBeTruthy()
    }
  })
})
