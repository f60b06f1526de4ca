import { describe, expect, it } from 'vitest'
import { scanText } from '../scan'
import { cnIdCheckChar, isRealBirthDate, isValidCnId } from './cn-id'
import { cardBrand, isValidCard, luhnValid } from './credit-card'
import { hkIdCheckChar, isValidHkId } from './hk-id'

const found = (text: string) =>
  scanText(text)
    .filter((f) => f.type !== 'keyword')
    .map((f) => [f.type, text.slice(f.start, f.end)])

describe('check digits from DOMAIN.md', () => {
  it('computes HKID check characters (A123456 → 3, G123456 → A)', () => {
    expect(hkIdCheckChar('A', '123456')).toBe('3')
    expect(hkIdCheckChar('G', '123456')).toBe('A')
    expect(isValidHkId('A123456(3)')).toBe(true)
    expect(isValidHkId('A123456(4)')).toBe(false)
    expect(isValidHkId('AB987654(2)')).toBe(hkIdCheckChar('AB', '987654') === '2')
  })

  it('computes mainland check characters and rejects impossible birth dates', () => {
    expect(cnIdCheckChar('11010519491231002')).toBe('X')
    expect(isValidCnId('11010519491231002X')).toBe(true)
    expect(isValidCnId('11010519491231002x')).toBe(true)
    expect(isValidCnId('110105194912310021')).toBe(false)
    expect(isRealBirthDate('20000229')).toBe(true)
    expect(isRealBirthDate('19000229')).toBe(false)
    expect(isRealBirthDate('19491331')).toBe(false)
    const feb30 = `11010519490230002`
    expect(isValidCnId(feb30 + cnIdCheckChar(feb30))).toBe(false)
  })

  it('runs Luhn and knows the card schemes', () => {
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(cardBrand('378282246310005')).toBe('amex')
    expect(cardBrand('6212345678901234')).toBe('unionpay')
    expect(cardBrand('1234567812345670')).toBeNull()
    expect(isValidCard('4111-1111-1111-1111')).toBe(true)
  })
})

describe('scanText', () => {
  it('finds HKIDs in every written form and drops a wrong check digit', () => {
    expect(found('A123456(3) A123456（3） A1234563 A123456 (3) Ａ１２３４５６（３） A123456(4) G123456(A)')).toEqual([
      ['hk_id', 'A123456(3)'],
      ['hk_id', 'A123456（3）'],
      ['hk_id', 'A1234563'],
      ['hk_id', 'A123456 (3)'],
      ['hk_id', 'Ａ１２３４５６（３）'],
      ['hk_id', 'G123456(A)'],
    ])
  })

  it('does not find a value glued to letters or digits, half- or full-width', () => {
    expect(found('XA123456(3) 9A123456(3) A123456(3)9 １A123456(3) A123456(3)Ｂ')).toEqual([])
    expect(found('12110105194912310 2X 0011010519491231002X 11010519491231002X1')).toEqual([])
    expect(found('94111111111111111 41111111111111119 4111 1111 1111 1111 2222')).toEqual([])
    expect(found('852912345678 9123456789 ORD-91234567 #91234567')).toEqual([])
  })

  it('finds mainland IDs, cards and emails', () => {
    expect(
      found(
        '居民身份证 11010519491231002X；card 4111 1111 1111 1111, 3782-822463-10005 and 5555555555554444; mail chan.tm@example.com.hk.',
      ),
    ).toEqual([
      ['cn_id', '11010519491231002X'],
      ['credit_card', '4111 1111 1111 1111'],
      ['credit_card', '3782-822463-10005'],
      ['credit_card', '5555555555554444'],
      ['email', 'chan.tm@example.com.hk'],
    ])
  })

  it('finds phones in the usual forms and normalises them to E.164', () => {
    const text =
      '+852 9123 4567 / (852) 2123-4567 / +853 6612 3456 / +86 138 0013 8000 / 00852-61234567 / 9123-4567 / 13800138000'
    const phones = scanText(text).filter((f) => f.type === 'phone')
    expect(phones.map((f) => [text.slice(f.start, f.end), f.e164, f.region])).toEqual([
      ['+852 9123 4567', '+85291234567', 'HK'],
      ['(852) 2123-4567', '+85221234567', 'HK'],
      ['+853 6612 3456', '+85366123456', 'MO'],
      ['+86 138 0013 8000', '+8613800138000', 'CN'],
      ['00852-61234567', '+85261234567', 'HK'],
      ['9123-4567', '+85291234567', 'HK'],
      ['13800138000', '+8613800138000', 'CN'],
    ])
  })

  it('counts a bare run of 8 digits as a phone only after a phone word, never a date', () => {
    expect(found('電話：91234567')).toEqual([['phone', '91234567']])
    expect(found('Order 91234567 shipped')).toEqual([])
    expect(found('Tel 20240315')).toEqual([])
  })

  it('reads a bare Macau number as Macau when a Macau word is near', () => {
    const f = scanText('澳門辦公室 電話 6612 3456').find((x) => x.type === 'phone')
    expect(f).toMatchObject({ type: 'phone', region: 'MO', e164: '+85366123456' })
  })

  it('raises confidence with a context word within the window only', () => {
    const near = scanText('香港身份證 A123456(3)').find((f) => f.type === 'hk_id')!
    const far = scanText(`香港身份證${'。'.repeat(400)}A123456(3)`).find((f) => f.type === 'hk_id')!
    expect(near.context).toBe(true)
    expect(far.context).toBe(false)
    expect(near.confidence).toBeGreaterThan(far.confidence)
    expect(near.confidence).toBeLessThanOrEqual(1)
  })

  it('finds Macau BIR numbers with low confidence unless Macau is mentioned', () => {
    const bare = scanText('編號 1234567(8)')[0]!
    const withWord = scanText('澳門身份證 5/215299/8')[0]!
    expect(bare.type).toBe('mo_id')
    expect(withWord.confidence).toBeGreaterThan(bare.confidence)
  })

  it('keeps UTF-16 offsets after emoji and full-width text', () => {
    const text = '😀😀 Ｏｋ 身份證 A123456(3)'
    const f = scanText(text).find((x) => x.type === 'hk_id')!
    expect(text.slice(f.start, f.end)).toBe('A123456(3)')
    expect(f.start).toBe(text.indexOf('A123456'))
  })

  it('finds keywords of each category in zh-Hant, zh-Hans and English, whole words only', () => {
    const text =
      '合約 合同 Contracts 付款 payment 身份證 身份证 identity card 病歷 病历 診斷 诊断 medical record diagnosis contractor'
    expect(scanText(text).map((f) => [f.masked, f.category])).toEqual([
      ['合約', 'contract'],
      ['合同', 'contract'],
      ['Contracts', 'contract'],
      ['付款', 'payment'],
      ['payment', 'payment'],
      ['身份證', 'id'],
      ['身份证', 'id'],
      ['identity card', 'id'],
      ['病歷', 'medical'],
      ['病历', 'medical'],
      ['診斷', 'medical'],
      ['诊断', 'medical'],
      ['medical record', 'medical'],
      ['diagnosis', 'medical'],
    ])
  })

  it('limits types and confidence when asked', () => {
    expect(scanText('A123456(3) 合約', { types: ['keyword'] }).map((f) => f.type)).toEqual(['keyword'])
    expect(scanText('編號 1234567(8)', { minConfidence: 0.6 })).toEqual([])
  })

  it('stays linear on adversarial input', () => {
    const nasty = `${'a'.repeat(50_000)}@${'b.'.repeat(20_000)} ${'1 '.repeat(30_000)}${'9'.repeat(50_000)}`
    const t0 = Date.now()
    scanText(nasty)
    // Not a speed test (see scripts/bench): a quadratic regex would take minutes here.
    expect(Date.now() - t0).toBeLessThan(5_000)
  })
})
