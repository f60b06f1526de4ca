import { describe, expect, it } from 'vitest'
import { detectKind, normaliseIdentifier } from './identifier'
import { checkIdentifier, type CheckLists } from './verdict'

const lists: CheckLists = {
  official: [
    { kind: 'phone', value: '+85221234567', label: 'Firm reception' },
    { kind: 'url', value: 'dingtalk.com', label: 'DingTalk' },
    { kind: 'email', value: 'it@chanwong-law.hk', label: 'Firm IT' },
  ],
  knownScams: [{ kind: 'phone', value: '+85261234567' }],
}

describe('tel: and sms: links are phone numbers', () => {
  it.each([
    'tel:+85291234567',
    'tel:852-9123-4567',
    'tel:+852%2091234567',
    'TEL:+852 9123 4567',
    'tel:+85291234567;ext=12',
    'tel://+85291234567',
    'sms:+85291234567',
    'sms:+85291234567?body=hello',
    'smsto:91234567',
    'tel:00852-9123-4567',
  ])('%s', (raw) => {
    expect(detectKind(raw)).toBe('phone')
    expect(normaliseIdentifier(raw)?.key).toBe('phone:+85291234567')
    expect(normaliseIdentifier(raw, 'phone')?.key).toBe('phone:+85291234567')
    const r = checkIdentifier(raw, lists)
    expect(r.kind).toBe('phone')
    expect(r.verdict).toBe('no_record')
    expect(r.reasons).toEqual([])
  })

  it("finds the firm's own number written as a link: official", () => {
    for (const raw of ['tel:+85221234567', 'tel:2123-4567', 'tel:+852%202123%204567']) {
      expect(checkIdentifier(raw, lists).verdict).toBe('official')
      expect(checkIdentifier(raw, lists, { kind: 'phone' }).verdict).toBe('official')
      expect(checkIdentifier(raw, lists, { kind: 'phone' }).match?.label).toBe('Firm reception')
    }
  })

  it('reads a link as what it is even when another kind was picked', () => {
    const r = checkIdentifier('tel:+85221234567', lists, { kind: 'url' })
    expect([r.kind, r.verdict]).toEqual(['phone', 'official'])
    expect(checkIdentifier('tel:+852-6123-4567', lists, { kind: 'account' }).verdict).toBe('known_scam')
    expect(checkIdentifier('tel:61234567', lists, { kind: 'payment' }).verdict).toBe('known_scam')
  })

  it('keeps the phone findings of a link', () => {
    expect(checkIdentifier('tel:+852 1234 5678', lists).reasons).toEqual([{ code: 'invalid_number', detail: 'HK' }])
    expect(checkIdentifier('tel:+85298765432', lists, { claimsDingTalk: true }).reasons.map((x) => x.code)).toEqual([
      'no_phone_support',
    ])
    expect(checkIdentifier('tel:800933933', lists).identifier?.key).toBe('phone:+852800933933')
  })
})

describe('mailto: links are emails', () => {
  it.each([
    ['mailto:a@b.com?subject=x', 'email:a@b.com'],
    ['MAILTO:Someone@Example.com', 'email:someone@example.com'],
    ['mailto:someone%40example.com', 'email:someone@example.com'],
    ['mailto:a@b.com,c@d.com', 'email:a@b.com'],
  ])('%s -> %s', (raw, key) => {
    expect(detectKind(raw)).toBe('email')
    expect(normaliseIdentifier(raw)?.key).toBe(key)
    expect(normaliseIdentifier(raw, 'email')?.key).toBe(key)
  })

  it('checks the domain of a mailto link', () => {
    expect(checkIdentifier('mailto:it@chanwong-law.hk?subject=help', lists).verdict).toBe('official')
    const r = checkIdentifier('mailto:support@dingtaIk.com?subject=verify', lists)
    expect(r.verdict).toBe('suspicious')
    expect(r.reasons.map((x) => x.code)).toContain('homoglyph')
  })
})

describe('addresses as mail clients show them', () => {
  it.each([
    ['DingTalk Support <kefu@dingtalk-support.top>', 'email:kefu@dingtalk-support.top'],
    ['"陳大文" <Partner@chanwong-law.hk>', 'email:partner@chanwong-law.hk'],
    ['HKMA <mailto:enquiry@hkma.gov.hk>', 'email:enquiry@hkma.gov.hk'],
  ])('%s -> %s', (raw, key) => {
    expect(detectKind(raw)).toBe('email')
    expect(normaliseIdentifier(raw, 'email')?.key).toBe(key)
  })

  it('checks the address inside', () => {
    expect(checkIdentifier('DingTalk Support <kefu@dingtalk-support.top>', lists).verdict).toBe('suspicious')
    expect(checkIdentifier('Firm IT <it@chanwong-law.hk>', lists).verdict).toBe('official')
  })
})

describe('WhatsApp links stay web addresses', () => {
  it('wa.me/852…', () => {
    expect(detectKind('wa.me/85291234567')).toBe('url')
    expect(checkIdentifier('https://wa.me/85291234567', lists).identifier?.key).toBe('url:wa.me')
  })
})
