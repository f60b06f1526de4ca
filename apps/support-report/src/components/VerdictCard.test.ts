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

  it('shows the host as typed with the deceptive characters marked', async () => {
    const w = await card('https://dingtaIk.com/login')
    const typed = w.get('[data-test="typed-host"]')
    expect(typed.find('.verdict-card__typed-host').text()).toBe('dingtaIk.com')
    expect(typed.findAll('mark').map((m) => m.text())).toEqual(['I'])
    expect(typed.text()).toContain('As typed, with the deceptive characters marked')
    expect(typed.text()).toContain('"I" poses as "l"')
    expect((await card('https://dingtаlk.com', 'zh-HK')).get('[data-test="typed-host"]').text()).toContain(
      '「а」冒充「a」',
    )
    expect((await card('https://dingta1k.com', 'zh-CN')).get('[data-test="typed-host"]').text()).toContain('“1”冒充“l”')
    expect((await card('https://example.org')).find('[data-test="typed-host"]').exists()).toBe(false)
    expect((await card('https://www.dingtalk.com')).find('[data-test="typed-host"]').exists()).toBe(false)
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
      'Splits the name dingtalk.com with hyphens or dots to pass for it: ding-talk-support.com.',
    )
    expect((await items('https://ding-talk-support.com', 'zh-HK'))[0]).toContain('拆開')
    expect((await items('https://dingding-hk.com', 'en'))[0]).toContain('another name of dingtalk.com')
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
