import { describe, expect, it } from 'vitest'
import { checkIdentifier, type CheckLists } from './verdict'

const lists: CheckLists = { official: [{ kind: 'url', value: 'dingtalk.com', label: 'DingTalk' }], knownScams: [] }
const check = (raw: string) => checkIdentifier(raw, lists)
const codes = (raw: string) => check(raw).reasons.map((r) => `${r.code}${r.target ? `>${r.target}` : ''}`)

describe('the brand split by hyphens or dots', () => {
  it.each([
    'ding-talk-support.com',
    'https://ding-talk.com/login',
    'd-i-n-g-t-a-l-k.com',
    'http://login-ding-talk.hk',
    'ding.talk-hk.top',
    'https://hk.ding-talk.help/verify',
    'ding--talk.com',
    'www.ding-talk.com.hk',
  ])('%s', (raw) => {
    expect(check(raw).verdict).toBe('suspicious')
    expect(codes(raw)).toContain('brand_split>dingtalk.com')
  })

  it('still names a brand kept whole', () => {
    expect(codes('dingtalk-hk.com')).toContain('official_name_embedded>dingtalk.com')
  })
})

describe('other names of the brand', () => {
  it.each([
    'dingding.com',
    'https://ding-ding.com',
    'dingdinghk.com',
    'https://钉钉.com',
    'https://釘釘客服.com',
    'http://钉钉.香港',
    'https://xn--164aa.com',
    'https://XN--UBTQ9X7U8AA.com',
    'dingding.evil.example',
    'hk-dingding-kefu.top',
    'd1ngd1ng.com',
    'DingDing-HK.net',
    'ding.ding.top',
  ])('%s', (raw) => {
    expect(check(raw).verdict).toBe('suspicious')
    expect(codes(raw)).toContain('brand_alias>dingtalk.com')
  })
})

describe('near names that are not the brand', () => {
  it.each([
    'dingdong.com',
    'dingdang.hk',
    'dingle.ie',
    'ding.com',
    'dingtone.me',
    'talktalk.co.uk',
    'talkdesk.com',
    'weddingtalk.com',
    'codingtalk.io',
    'fundingtalks.com',
    'wedding-talk.com',
    'https://www.landing-talk.co.uk',
    'readingtalks.org',
    'www.buildingtalk.co.uk',
  ])('%s', (raw) => {
    expect(check(raw).reasons).toEqual([])
    expect(check(raw).verdict).toBe('no_record')
  })

  it('still flags the brand glued to a scam word', () => {
    for (const raw of [
      'hkdingtalk.com',
      'officialdingtalk.com',
      'mydingtalk.net',
      'onlinedingtalk.com',
      'dingtalkhelp.net',
    ]) {
      expect(codes(raw)).toContain('official_name_embedded>dingtalk.com')
    }
  })
})

describe('link shorteners hide the destination', () => {
  it.each([
    'https://bit.ly/3abcDEF',
    't.co/xyz',
    'tinyurl.com/y7abc',
    'goo.gl/abc',
    'is.gd/x',
    'ow.ly/x',
    'buff.ly/x',
    't.cn/A6abc',
    'url.cn/5abc',
    'dwz.cn/abc',
    'suo.im/abc',
    'reurl.cc/abc',
    'rebrand.ly/x',
    'cutt.ly/x',
    's.id/x',
    'shorturl.at/abc',
    'tiny.cc/x',
    'v.gd/x',
    'http://bit.ly/x',
    'https://BIT.LY/x',
    'rb.gy/abc',
    'lihi1.cc/abc',
    'preview.tinyurl.com/abc',
  ])('%s', (raw) => {
    const r = check(raw)
    expect(r.verdict).toBe('suspicious')
    expect(r.reasons.map((x) => x.code)).toContain('shortener')
  })

  it('names the shortener', () => {
    expect(check('https://bit.ly/3abc').reasons).toEqual([{ code: 'shortener', detail: 'bit.ly' }])
  })

  it('leaves single-destination share links alone', () => {
    expect(check('https://maps.app.goo.gl/abc123').verdict).toBe('no_record')
    expect(check('https://youtu.be/abc').verdict).toBe('no_record')
  })
})
