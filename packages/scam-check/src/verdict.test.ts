import { describe, expect, it } from 'vitest'
import { checkIdentifier, type CheckLists } from './verdict'

const lists: CheckLists = {
  official: [
    { kind: 'url', value: 'dingtalk.com', label: 'DingTalk' },
    { kind: 'url', value: 'chanwong-law.hk', label: 'The firm' },
    { kind: 'phone', value: '+85221234567', label: 'Firm reception' },
  ],
  knownScams: [
    { kind: 'phone', value: '+85261234567' },
    { kind: 'url', value: 'dingtalk-hk-support.top' },
  ],
}
const check = (raw: string, opts = {}) => checkIdentifier(raw, lists, opts)
const codes = (raw: string, opts = {}) =>
  check(raw, opts).reasons.map((r) => `${r.code}${r.target ? `>${r.target}` : ''}`)

describe('lookalike domains', () => {
  it('flags a capital I posing as l', () => {
    const r = check('https://dingtaIk.com/login')
    expect(r.verdict).toBe('suspicious')
    expect(codes('https://dingtaIk.com/login')).toContain('homoglyph>dingtalk.com')
  })

  it('flags the digit 1 posing as l', () => {
    expect(codes('dingta1k.com')).toContain('homoglyph>dingtalk.com')
  })

  it('flags a one-letter edit and a swap', () => {
    expect(codes('https://dingtallk.com')).toContain('lookalike>dingtalk.com')
    expect(codes('https://dingtlak.com')).toContain('lookalike>dingtalk.com')
  })

  it('flags the official name under another suffix', () => {
    expect(codes('https://dingtalk.top')).toContain('lookalike>dingtalk.com')
  })

  it('flags the official domain as extra labels of another domain', () => {
    const r = check('https://dingtalk.com.support-hk.top/verify')
    expect(r.verdict).toBe('suspicious')
    expect(r.reasons).toContainEqual({
      code: 'official_name_in_subdomain',
      target: 'dingtalk.com',
      detail: 'support-hk.top',
      host: 'dingtalk.com.support-hk.top',
      domain: 'support-hk.top',
      name: 'dingtalk',
      imitation: 'dingtalk.com',
      marks: [],
    })
    expect(r.identifier?.value).toBe('dingtalk.com.support-hk.top')
  })

  it('flags the official name embedded in another registrable domain', () => {
    expect(codes('https://hk-dingtalk-service.com')).toContain('official_name_embedded>dingtalk.com')
    expect(codes('https://dingtalkhelp.net')).toContain('official_name_embedded>dingtalk.com')
  })

  it('protects every domain in the registry, not only DingTalk', () => {
    expect(codes('https://chanwong-1aw.hk')).toContain('homoglyph>chanwong-law.hk')
  })

  it('does not flag unrelated domains or shouting', () => {
    expect(check('https://www.gov.hk').verdict).toBe('no_record')
    expect(check('https://example.org').reasons).toEqual([])
    expect(check('HTTPS://DINGTALK.COM').verdict).toBe('official')
  })
})

describe('punycode and homographs', () => {
  it('decodes a Cyrillic а and names the imitated domain', () => {
    const r = check('https://dingtаlk.com/help') // Cyrillic а (U+0430)
    expect(r.verdict).toBe('suspicious')
    expect(r.identifier?.value).toMatch(/^xn--/)
    expect(r.identifier?.display).toBe('dingtаlk.com/help')
    expect(r.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['punycode', 'mixed_script', 'homoglyph']))
    expect(r.reasons.find((x) => x.code === 'punycode')?.detail).toBe('dingtаlk.com')
  })

  it('decodes a host typed in punycode already', () => {
    const ascii = new URL('https://dingtаlk.com').hostname
    const r = check(`https://${ascii}/`)
    expect(r.reasons.find((x) => x.code === 'punycode')?.detail).toBe('dingtаlk.com')
    expect(r.reasons.map((x) => x.code)).toContain('homoglyph')
  })

  it('notes an internationalised name without calling it an imitation', () => {
    const r = check('https://律師行.com')
    expect(r.reasons.map((x) => x.code)).toEqual(['punycode'])
  })

  it('calls DingTalk\'s Chinese name in another domain an impersonation (issue "Trust under attack")', () => {
    expect(check('https://釘釘.com').reasons.map((x) => x.code)).toEqual(['punycode', 'brand_alias'])
  })
})

describe('IP hosts, http and credentials', () => {
  it('flags a raw IPv4 host and plain http', () => {
    expect(codes('http://203.0.113.7/login')).toEqual(['plain_http', 'ip_host'])
  })

  it('flags an IPv4 written as one decimal number', () => {
    const r = check('http://3405803783/')
    expect(r.reasons).toContainEqual({ code: 'ip_host', detail: '203.0.113.7' })
    expect(r.reasons).toContainEqual({ code: 'obfuscated_ip', detail: '3405803783' })
  })

  it('flags an IPv6 host', () => {
    expect(codes('https://[2001:db8::1]/')).toEqual(['ip_host'])
  })

  it('flags credentials that make the address look official', () => {
    const r = check('https://dingtalk.com@evil.example/')
    expect(r.verdict).toBe('suspicious')
    expect(r.identifier?.value).toBe('evil.example')
    expect(r.reasons.map((x) => x.code)).toContain('credentials_in_url')
  })

  it('does not call a host typed without a scheme "http"', () => {
    expect(codes('203.0.113.7')).toEqual(['ip_host'])
  })
})

describe('verdicts', () => {
  it('official: a registry domain and its subdomains', () => {
    const r = check('https://h5.dingtalk.com/page')
    expect(r.verdict).toBe('official')
    expect(r.match?.label).toBe('DingTalk')
  })

  it('official over plain http keeps the http caveat', () => {
    const r = check('http://www.dingtalk.com')
    expect(r.verdict).toBe('official')
    expect(r.reasons.map((x) => x.code)).toEqual(['plain_http'])
  })

  it('known scam: a listed number in any spelling, and subdomains of a listed host', () => {
    expect(check('6123 4567').verdict).toBe('known_scam')
    expect(check('00852-6123-4567').verdict).toBe('known_scam')
    expect(check('https://login.dingtalk-hk-support.top').verdict).toBe('known_scam')
    expect(check('6123 4567', { kind: 'payment' }).verdict).toBe('known_scam')
  })

  it('no record: nothing known, and the Scameter link is always there', () => {
    const r = check('+852 9876 5432')
    expect(r.verdict).toBe('no_record')
    expect(r.scameterUrl).toBe('https://cyberdefender.hk/en-us/scameter/')
  })

  it('a caller claiming to be DingTalk support is suspicious: there is no hotline', () => {
    const r = check('+852 9876 5432', { claimsDingTalk: true })
    expect(r.verdict).toBe('suspicious')
    expect(r.reasons.map((x) => x.code)).toEqual(['no_phone_support'])
  })

  it('flags overseas and impossible numbers', () => {
    expect(codes('+44 20 7946 0958')).toEqual(['overseas_number'])
    expect(check('+852 1234 5678').reasons).toEqual([{ code: 'invalid_number', detail: 'HK' }])
    expect(check('+852 1234 5678').identifier).toBeNull()
  })

  it('emails: lookalike domains and free mail posing as an organisation', () => {
    expect(codes('support@dingtaIk.com')).toContain('homoglyph>dingtalk.com')
    expect(codes('dingtalk.service@gmail.com', { claimsDingTalk: true })).toEqual(['free_mail'])
    expect(check('it@chanwong-law.hk').verdict).toBe('official')
  })

  it('accounts are compared trimmed and lower-cased', () => {
    const r = checkIdentifier(
      '@DingTalk_HK_Help ',
      { official: [], knownScams: [{ kind: 'account', value: 'dingtalk_hk_help' }] },
      { kind: 'account' },
    )
    expect(r.verdict).toBe('known_scam')
  })
})

describe('kind detection', () => {
  it('tells phones, addresses, emails and accounts apart', async () => {
    const { detectKind } = await import('./identifier')
    expect(
      ['+852 9123 4567', '203.0.113.7', 'dingtalk.com.support-hk.top', 'a@b.com', 'WeChat dt_help'].map(detectKind),
    ).toEqual(['phone', 'url', 'url', 'email', 'account'])
  })
})

describe('imitations in subdomains', () => {
  it('catches a disguised official name in the extra labels too', () => {
    expect(codes('http://dingtaIk.com.support-hk.top/login')).toEqual(
      expect.arrayContaining(['plain_http', 'official_name_in_subdomain>dingtalk.com']),
    )
    expect(codes('https://dingtallk.evil.example')).toEqual(['official_name_in_subdomain>dingtalk.com'])
    expect(codes('https://help.evil.example')).toEqual([])
  })
})
