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
