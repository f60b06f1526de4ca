import { describe, expect, it } from 'vitest'
import { checkIdentifier, type CheckLists } from './verdict'

/** A registry that protects more than DingTalk: the firm, and Alibaba Cloud (DingTalk's sign-in for some firms). */
const lists: CheckLists = {
  official: [
    { kind: 'url', value: 'dingtalk.com', label: 'DingTalk' },
    { kind: 'url', value: 'chanwong-law.hk', label: 'The firm' },
    { kind: 'url', value: 'aliyun.com', label: 'Alibaba Cloud' },
  ],
  knownScams: [],
}
const check = (raw: string) => checkIdentifier(raw, lists)

describe('ordinary names two letters from a protected one', () => {
  it.each([
    'alison.com',
    'https://www.alison.com/courses',
    'alibaba.com',
    'hongtalk.com',
    'chan-law.hk',
    'chanwong.com',
  ])('%s is not a lookalike', (raw) => {
    expect(check(raw).reasons).toEqual([])
  })

  it('still flags real lookalikes', () => {
    for (const raw of [
      'dingtallk.com',
      'dlngtalk.com',
      'dingtakl.com',
      'dingtalk-support.com',
      'dingtalk.com.hk-verify.top',
      'dingtaIk.com',
      'diingtallk.com',
      'dngtlk.com',
      'd1ngta1k.com',
      'dimgtaik.com',
      'aliyum.com',
      'a1iyun.com',
      'chanwong-1aw.hk',
      'chanwomg-law.hk',
    ]) {
      expect(check(raw).verdict, raw).toBe('suspicious')
    }
  })
})

describe('internationalised names', () => {
  it.each([
    '政府.香港',
    'www.政府.香港',
    'https://www.xn--mxtq1m.xn--j6w193g/',
    'https://www.政府.香港/zh/index.html',
    'http://香港大學.香港',
  ])('%s is a legitimate Chinese-script name', (raw) => {
    const r = check(raw)
    expect(r.reasons.filter((x) => x.code !== 'plain_http')).toEqual([])
  })

  it('still flags Latin brands imitated with other scripts', () => {
    const r = check('https://dingtаlk.com') // Cyrillic а
    expect(r.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['punycode', 'mixed_script', 'homoglyph']))
    expect(check('https://аррӏе.com').reasons.map((x) => x.code)).toContain('punycode') // all-Cyrillic "apple"
    expect(check('https://政府.香港.verify-hk.top').reasons.map((x) => x.code)).toContain('punycode')
  })
})
