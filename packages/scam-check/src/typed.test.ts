import { describe, expect, it } from 'vitest'
import type { CharMark } from './typed'
import { checkIdentifier, type CheckLists } from './verdict'

/** A registry listing more than DingTalk, so that `m`, `o` and `e` have names to hide in. */
const lists: CheckLists = {
  official: ['dingtalk.com', 'aliyun.com', 'microsoft.com', 'octopus.com.hk', 'hkexpress.com'].map((value) => ({
    kind: 'url' as const,
    value,
  })),
  knownScams: [],
}
const check = (raw: string) => checkIdentifier(raw, lists)
/** A mark as `text>looksLike/class@start` in its line. */
const show = (m: CharMark) => `${m.text}>${m.looksLike ?? ''}/${m.charClass}@${m.start}`
/** The marked text as `dingta[I]k`, from the positions alone. */
const bracket = (t: { text: string; marks: CharMark[] }) => {
  let out = ''
  let at = 0
  for (const m of [...t.marks].sort((a, b) => a.start - b.start)) {
    out += `${t.text.slice(at, m.start)}[${t.text.slice(m.start, m.end)}]`
    at = m.end
  }
  return out + t.text.slice(at)
}

describe('what was typed, exactly, with the deceptive characters located', () => {
  // Each lookalike: what the reader typed, how it shows with its marks, and the legend of each mark.
  const corpus: [string, string, string[]][] = [
    ['http://dingtaIk-support.com/login', 'http://dingta[I]k-support.com/login', ['I>l/latin_capital@13']],
    ['https://dingtaIk.com', 'https://dingta[I]k.com', ['I>l/latin_capital@14']],
    ['https://aIiyun.com', 'https://a[I]iyun.com', ['I>l/latin_capital@9']],
    ['https://a1iyun-support.top', 'https://a[1]iyun-support.top', ['1>l/digit@9']],
    ['https://0ctopus.com.hk', 'https://[0]ctopus.com.hk', ['0>o/digit@8']],
    ['https://www.micr0soft.com/login', 'https://www.micr[0]soft.com/login', ['0>o/digit@16']],
    ['https://rnicrosoft.com', 'https://[rn]icrosoft.com', ['rn>m/letter_pair@8']],
    ['https://rnicrosoft-help.com', 'https://[rn]icrosoft-help.com', ['rn>m/letter_pair@8']],
    ['https://dingtаlk-hk.com', 'https://dingt[а]lk-hk.com', ['а>a/cyrillic@13']],
    ['https://hkеxpress.com', 'https://hk[е]xpress.com', ['е>e/cyrillic@10']],
    ['https://оctopus.com.hk', 'https://[о]ctopus.com.hk', ['о>o/cyrillic@8']],
    ['https://ｄｉｎｇｔａＩｋ.com', 'https://ｄｉｎｇｔａ[Ｉ]ｋ.com', ['Ｉ>l/fullwidth@14']],
    ['support@dingta1k.com', 'support@dingta[1]k.com', ['1>l/digit@14']],
  ]
  it.each(corpus)('%s', (raw, marked, legend) => {
    const r = check(raw)
    expect(r.verdict).toBe('suspicious')
    expect(r.typed.text).toBe(raw)
    expect(bracket(r.typed)).toBe(marked)
    expect(r.typed.marks.map(show)).toEqual(legend)
    expect(r.decoded).toBeNull()
  })

  it('marks a punycode label as typed and the decoded character in the decoded line', () => {
    const ascii = new URL('https://dingtаlk.com').hostname
    expect(ascii).toMatch(/^xn--/)
    const r = check(`https://${ascii}/verify`)
    expect(r.typed.text).toBe(`https://${ascii}/verify`)
    expect(r.typed.marks.map(show)).toEqual([`${ascii.replace('.com', '')}>dingtаlk/punycode@8`])
    expect(r.decoded!.text).toBe('https://dingtаlk.com/verify')
    expect(bracket(r.decoded!)).toBe('https://dingt[а]lk.com/verify')
    expect(r.decoded!.marks.map((m) => [m.line, m.charClass, m.looksLike])).toEqual([['decoded', 'cyrillic', 'a']])
    const oct = check(`https://${new URL('https://оctopus.com.hk').hostname}`)
    expect(bracket(oct.decoded!)).toBe('https://[о]ctopus.com.hk')
  })

  it('marks every letter of another alphabet in a label that mixes alphabets', () => {
    // д imitates no Latin letter, but it is still a Cyrillic letter among Latin ones.
    const r = check('https://dingtдlk.com')
    const mixed = r.reasons.find((x) => x.code === 'mixed_script')!
    expect(mixed.marks!.map(show)).toEqual(['д>/cyrillic@13'])
  })
})

describe('hard negatives: nothing is marked', () => {
  const honest = [
    'https://dingtalk.com/x',
    'https://www.dingtalk.com',
    'HTTPS://DINGTALK.COM',
    'https://ｄｉｎｇｔａｌｋ.com',
    'https://www.aliyun.com',
    'https://ａｌｉｙｕｎ.com',
    'https://IBM.com',
    'https://www.LinkedIn.com/in/chan',
    'https://Instagram.com',
    'https://www.ICAC.org.hk',
    'https://Ikea.com.hk',
    'https://www.HKIA.gov.hk',
    'https://政府.香港',
    'Info@Icbc.com.cn',
  ]
  it.each(honest)('%s', (raw) => {
    const r = check(raw)
    expect(['official', 'no_record']).toContain(r.verdict)
    expect(r.typed).toEqual({ text: raw, marks: [] })
    expect(r.reasons.flatMap((x) => x.marks ?? [])).toEqual([])
  })
})

describe('each finding says only what is true of this input', () => {
  it('names the real site, the brand imitated and the characters that differ', () => {
    const [, embedded] = check('http://dingtaIk-support.com/login').reasons
    expect(embedded).toMatchObject({
      code: 'official_name_embedded',
      target: 'dingtalk.com',
      name: 'dingtalk',
      host: 'dingtaIk-support.com',
      domain: 'dingtaIk-support.com',
      imitation: 'dingtaIk-support',
    })
    expect(embedded!.marks!.map(show)).toEqual(['I>l/latin_capital@13'])
    // The host does not hold "dingtalk.com": the imitation is what was typed, capital I and all.
    const sub = check('http://dingtaIk.com.support-hk.top').reasons.find(
      (x) => x.code === 'official_name_in_subdomain',
    )!
    expect(sub).toMatchObject({ domain: 'support-hk.top', imitation: 'dingtaIk.com', target: 'dingtalk.com' })
    expect(sub.marks!.map(show)).toEqual(['I>l/latin_capital@13'])
  })

  it('has no characters to name when the name itself is used', () => {
    const [r] = check('https://dingtalk-support.com').reasons
    expect(r).toMatchObject({ code: 'official_name_embedded', imitation: 'dingtalk-support', marks: [] })
    const split = check('https://ding-talk-support.com').reasons[0]!
    expect(split).toMatchObject({ code: 'brand_split', domain: 'ding-talk-support.com', marks: [] })
  })

  it('keeps the marks of one imitated name to the finding about it', () => {
    const r = check('https://dingta1k.aIiyun-help.com').reasons
    const sub = r.find((x) => x.code === 'official_name_in_subdomain' && x.target === 'dingtalk.com')!
    const main = r.find((x) => x.code === 'official_name_embedded' && x.target === 'aliyun.com')!
    expect(sub.marks!.map((m) => m.text)).toEqual(['1'])
    expect(main.marks!.map((m) => m.text)).toEqual(['I'])
  })
})
