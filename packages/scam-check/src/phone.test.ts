import { describe, expect, it } from 'vitest'
import { looksLikePhone, normalisePhone } from './phone'

const e164 = (raw: string, region?: 'HK' | 'MO' | 'CN') => {
  const r = normalisePhone(raw, region)
  return r.ok ? [r.e164, r.region] : [r.reason]
}

describe('normalisePhone: Hong Kong', () => {
  it.each([
    ['+852 9123 4567', '+85291234567'],
    ['9123 4567', '+85291234567'],
    ['(852) 2123-4567', '+85221234567'],
    ['00852 3123 4567', '+85231234567'],
    ['001 852 5123 4567', '+85251234567'],
    ['852 61234567', '+85261234567'],
    ['＋８５２ ７１２３ ４５６７', '+85271234567'],
  ])('%s -> %s', (raw, want) => {
    expect(e164(raw)).toEqual([want, 'HK'])
  })

  it('refuses Hong Kong numbers outside the numbering plan', () => {
    expect(e164('+852 1123 4567')).toEqual(['invalid_for_region'])
    expect(e164('+852 8123 4567')).toEqual(['invalid_for_region'])
    expect(e164('+852 9123 456')).toEqual(['invalid_for_region'])
    expect(e164('4123 4567')).toEqual(['invalid_for_region'])
  })

  it('formats for people', () => {
    const r = normalisePhone('91234567')
    expect(r.ok && r.display).toBe('+852 9123 4567')
  })
})

describe('normalisePhone: Hong Kong freephone and newer ranges', () => {
  it.each([
    ['800 123 456', '+852800123456'],
    ['+852 800 933 933', '+852800933933'],
    ['(852) 800-933-933', '+852800933933'],
    ['00852 800 933 933', '+852800933933'],
    ['800933933', '+852800933933'],
    ['+852 4612 3456', '+85246123456'],
    ['+852 4412 3456', '+85244123456'],
    ['+852 8412 3456', '+85284123456'],
  ])('%s -> %s', (raw, want) => {
    expect(e164(raw)).toEqual([want, 'HK'])
  })

  it('formats freephone numbers in threes', () => {
    const r = normalisePhone('800933933')
    expect(r.ok && r.display).toBe('+852 800 933 933')
  })

  it('still refuses numbers outside the plan', () => {
    expect(e164('+852 4512 3456')).toEqual(['invalid_for_region'])
    expect(e164('+852 800 123 45')).toEqual(['invalid_for_region'])
    expect(e164('+852 800 123 4567')).toEqual(['invalid_for_region'])
    expect(e164('+852 8012 3456')).toEqual(['invalid_for_region'])
  })
})

describe('normalisePhone: how staff write numbers', () => {
  it.each([
    ['Tel: 2123 4567', '+85221234567'],
    ['電話：9123 4567', '+85291234567'],
    ['WhatsApp +852 9123 4567', '+85291234567'],
    ['9123 4567 (WhatsApp)', '+85291234567'],
    ['+852 9123 4567（手機）', '+85291234567'],
    ['2123 4567 ext. 123', '+85221234567'],
    ['+852 2123 4567 轉 123', '+85221234567'],
    ['(+852) 2123 4567', '+85221234567'],
  ])('%s -> %s', (raw, want) => {
    expect(e164(raw)).toEqual([want, 'HK'])
    expect(looksLikePhone(raw)).toBe(true)
  })

  it('keeps Hong Kong short service numbers', () => {
    expect(e164('18222')).toEqual(['+85218222', 'HK'])
    expect(e164('999')).toEqual(['+852999', 'HK'])
    const r = normalisePhone('1823')
    expect(r.ok && r.display).toBe('1823')
    expect(e164('12345')).toEqual(['invalid_for_region'])
  })
})

describe('normalisePhone: Macau', () => {
  it.each([
    ['+853 6612 3456', '+85366123456'],
    ['00853 2812 3456', '+85328123456'],
    ['853-6612-3456', '+85366123456'],
  ])('%s -> %s', (raw, want) => {
    expect(e164(raw)).toEqual([want, 'MO'])
  })

  it('reads a bare local number as Macau when told so', () => {
    expect(e164('6612 3456', 'MO')).toEqual(['+85366123456', 'MO'])
    expect(e164('2812 3456', 'MO')).toEqual(['+85328123456', 'MO'])
  })

  it('accepts Macau fixed lines starting 8', () => {
    expect(e164('+853 8802 8888')).toEqual(['+85388028888', 'MO'])
    expect(e164('+853 8889 8889')).toEqual(['+85388898889', 'MO'])
    expect(e164('+853 8612 3456')).toEqual(['invalid_for_region'])
  })

  it('refuses Macau numbers outside 6x / 28', () => {
    expect(e164('+853 2912 3456')).toEqual(['invalid_for_region'])
    expect(e164('+853 5612 3456')).toEqual(['invalid_for_region'])
  })
})

describe('normalisePhone: mainland', () => {
  it.each([
    ['+86 138 1234 5678', '+8613812345678'],
    ['13812345678', '+8613812345678'],
    ['0086 199 1234 5678', '+8619912345678'],
    ['86 15912345678', '+8615912345678'],
  ])('%s -> %s', (raw, want) => {
    expect(e164(raw)).toEqual([want, 'CN'])
  })

  it('accepts Beijing fixed lines (area code 10)', () => {
    expect(e164('+86 10 6552 9988')).toEqual(['+861065529988', 'CN'])
    expect(e164('0086-10-6552-9988')).toEqual(['+861065529988', 'CN'])
  })

  it('refuses mainland mobiles with a bad prefix or length', () => {
    expect(e164('+86 128 1234 5678')).toEqual(['invalid_for_region'])
    expect(e164('+86 138 1234 567')).toEqual(['invalid_for_region'])
  })
})

describe('normalisePhone: elsewhere and nonsense', () => {
  it('accepts valid numbers of other countries as "other"', () => {
    expect(e164('+44 20 7946 0958')).toEqual(['+442079460958', 'other'])
  })

  it('refuses text that is no number', () => {
    expect(e164('call me')).toEqual(['not_a_number'])
    expect(e164('123')).toEqual(['not_a_number'])
  })

  it('tells phone-shaped text from other text', () => {
    expect(looksLikePhone('+852 9123-4567')).toBe(true)
    expect(looksLikePhone('dingtalk.com')).toBe(false)
    expect(looksLikePhone('1234')).toBe(false)
  })
})
