import { describe, expect, it } from 'vitest'
import { redactText, scanText } from '../scan'

/**
 * One test per way of writing a value that the first round missed (issue "Trust under
 * attack"). Each was run against the detectors before the fix; see the commit message for
 * which failed then.
 */
const personal = (text: string) => scanText(text).filter((f) => f.type !== 'keyword')
const found = (text: string) => personal(text).map((f) => [f.type, text.slice(f.start, f.end)])

describe('HKID as people write it', () => {
  it.each([
    ['dash before the check digit', 'A123456-3'],
    ['spaces around the digits', 'A 123456 (3)'],
    ['square brackets', 'A123456[3]'],
    ['full-width square brackets', 'A123456［3］'],
    ['lenticular brackets', 'A123456【3】'],
    ['curly brackets', 'A123456{3}'],
    ['full-width curly brackets', 'A123456｛3｝'],
    ['tortoise-shell brackets', 'A123456〔3〕'],
    ['lower case', 'a123456(3)'],
    ['lower case with a dash', 'g123456-a'],
    ['full-width with a full-width dash', 'Ａ１２３４５６－３'],
    ['full-width lower case', 'ａ１２３４５６（３）'],
    ['no-break spaces', 'A\u00a0123456\u00a0(3)'],
    ['two letters, spaced', 'AB 987654 (3)'],
  ])('finds %s: %s', (_form, value) => {
    expect(found(`香港身份證 ${value} 請核對`)).toEqual([['hk_id', value]])
  })

  it.each(['A123456-4', 'A 123456 (4)', 'A123456[4]', 'a123456【4】', 'AB 987654 (8)'])(
    'drops a wrong check digit: %s',
    (value) => {
      expect(found(`身份證 ${value}`)).toEqual([])
    },
  )
})

describe('mainland ID in groups', () => {
  it.each([
    ['spaces 6-8-4', '110105 19491231 002X'],
    ['dashes 6-8-4', '110105-19491231-002X'],
    ['spaces 6-4-4-4', '110105 1949 1231 002x'],
    ['ideographic spaces', '110105\u300019491231\u3000002X'],
    ['no-break spaces', '110105\u00a019491231\u00a0002X'],
  ])('finds %s: %s', (_form, value) => {
    expect(found(`居民身份证 ${value}`)).toEqual([['cn_id', value]])
  })

  it('drops grouped IDs with a wrong check digit or an impossible birth date', () => {
    expect(found('身份证 110105 19491231 0021')).toEqual([])
    // 30 February with a right check character.
    expect(found('身份证 110105 19490230 0020, 110105-19490230-0020')).toEqual([])
  })
})

describe('phones as people write them', () => {
  it.each([
    ['country code without plus', '852 6123 4567', '+85261234567'],
    ['country code without plus, contiguous', '85291234567', '+85291234567'],
    ['country code without plus, dashes', '852-9123-4567', '+85291234567'],
    ['00 prefix', '00852 9123 4567', '+85291234567'],
    ['Macau without plus', '853 6612 3456', '+85366123456'],
    ['mainland without plus', '86 138 0013 8000', '+8613800138000'],
    ['mainland without plus, contiguous', '8613800138000', '+8613800138000'],
    ['mainland with 0086', '0086 138 0013 8000', '+8613800138000'],
    ['HK freephone with code', '+852 800 123 456', '+852800123456'],
    ['HK freephone, no plus', '852 800 123 456', '+852800123456'],
    ['no-break spaces', '+852\u00a09123\u00a04567', '+85291234567'],
    ['en dash', '+852 9123–4567', '+85291234567'],
    ['dots', '+852.9123.4567', '+85291234567'],
    ['full-width plus and digits', '＋８５２ ９１２３ ４５６７', '+85291234567'],
    ['plus before the bracketed code', '+(852) 9123-4567', '+85291234567'],
  ])('finds %s: %s', (_form, value, e164) => {
    const text = `請致電 ${value} 聯絡`
    const f = personal(text)
    expect(f.map((x) => [x.type, text.slice(x.start, x.end), x.e164])).toEqual([['phone', value, e164]])
  })

  it('finds a bare freephone number next to a phone word, not on its own', () => {
    expect(found('熱線 800 123 456')).toEqual([['phone', '800 123 456']])
    expect(found('Freephone hotline: 800-123-456')).toEqual([['phone', '800-123-456']])
    expect(found('Total 800 123 456 units')).toEqual([])
  })

  it('finds a bare 8-digit number in any separator right after a phone word', () => {
    expect(found('電話 9123 4567')).toEqual([['phone', '9123 4567']])
    expect(found('Tel: 9123\u00a04567')).toEqual([['phone', '9123\u00a04567']])
    expect(found('手機：9123.4567')).toEqual([['phone', '9123.4567']])
  })

  it('finds WhatsApp links', () => {
    expect(found('https://wa.me/85291234567?text=hi')).toEqual([['phone', '85291234567']])
    expect(found('https://api.whatsapp.com/send?phone=8613800138000')).toEqual([['phone', '8613800138000']])
    expect(found('https://example.com/85291234567')).toEqual([])
  })

  it('finds tel: links and keeps the link scheme out of the span', () => {
    expect(found('<a href="tel:+85291234567">call</a>')).toEqual([['phone', '+85291234567']])
    expect(found('<a href="tel:85291234567">call</a>')).toEqual([['phone', '85291234567']])
    expect(found('tel:+852-9123-4567')).toEqual([['phone', '+852-9123-4567']])
    expect(found('[call me](tel:91234567)')).toEqual([['phone', '91234567']])
  })
})

describe('emails', () => {
  it('finds the address of a mailto: link', () => {
    const text = '<a href="mailto:Chan.TM+case@Example.com.hk?subject=A">mail</a>'
    expect(found(text)).toEqual([['email', 'Chan.TM+case@Example.com.hk']])
    expect(found('[mail](mailto:amy%40example.com)')).toEqual([['email', 'amy%40example.com']])
  })

  it('does not take image names with a density suffix for emails', () => {
    expect(found('logo@2x.png icon@3x.webp photo@2x.jpg banner@1.5x.jpeg avatar@2x.PNG sprite@4x.gif')).toEqual([])
    expect(found('see logo@2x.png or write to chan@example.com')).toEqual([['email', 'chan@example.com']])
  })
})

describe('JSON escapes', () => {
  it('decodes \\uXXXX so a context word and full-width brackets are read, with offsets into the raw text', () => {
    const raw = String.raw`{"note":"\u8eab\u4efd\u8b49\uff1aA123456\uff083\uff09"}`
    const f = personal(raw)
    expect(f.map((x) => [x.type, raw.slice(x.start, x.end), x.context])).toEqual([
      ['hk_id', String.raw`A123456\uff083\uff09`, true],
    ])
    expect(f[0]!.masked).toBe('A123***（*）')
  })

  it('reads an ID glued to an escaped colon (`\\uff1aA123456(3)`)', () => {
    const raw = String.raw`"\u8eab\u4efd\u8b49\uff1aA123456(3)"`
    expect(found(raw)).toEqual([['hk_id', 'A123456(3)']])
  })

  it('reads \\n, \\t, \\", \\\\ and \\/ and surrogate pairs', () => {
    const raw = String.raw`{"a":"\ud83d\ude00\u96fb\u8a71\n91234567","b":"\"chan@example.com\"","c":"http:\/\/x\/A123456(3)\\","d":"Tel\t6123 4567"}`
    expect(found(raw)).toEqual([
      ['phone', '91234567'],
      ['email', 'chan@example.com'],
      ['hk_id', 'A123456(3)'],
      ['phone', '6123 4567'],
    ])
  })

  it('reads escaped JSON inside a JSON string and inside a CSV cell', () => {
    const nested = String.raw`{"payload":"{\"id\":\"\\u8eab\\u4efd\\u8b49 A123456\\uff083\\uff09\"}"}`
    expect(found(nested)).toEqual([['hk_id', String.raw`A123456\\uff083\\uff09`]])
    const csv = String.raw`name,payload` + '\n' + String.raw`陳,"{""tel"":""\u96fb\u8a71 9123 4567""}"`
    expect(found(csv)).toEqual([['phone', '9123 4567']])
  })

  it('redacts the raw text in place', () => {
    const raw = String.raw`{"id":"\u8eab\u4efd\u8b49 A123456\uff083\uff09","tel":"+852 9123 4567"}`
    expect(redactText(raw)).toBe(String.raw`{"id":"\u8eab\u4efd\u8b49 A123***（*）","tel":"+852 9*** **67"}`)
  })
})

describe('adversarial input', () => {
  it('stays linear on runs of the new separators, brackets and escapes', () => {
    const nasty = [
      '1 - '.repeat(20_000),
      '1.'.repeat(30_000),
      '1\u00a0'.repeat(30_000),
      String.raw`\u00`.repeat(20_000),
      String.raw`\\`.repeat(20_000),
      '+(852) '.repeat(10_000),
      'A '.repeat(20_000),
      '9'.repeat(40_000),
      `${'a'.repeat(20_000)}%40${'b.'.repeat(10_000)}`,
      '【3】'.repeat(10_000),
    ].join(' ')
    const t0 = Date.now()
    scanText(nasty)
    // Not a speed test: a quadratic regex would take minutes here.
    expect(Date.now() - t0).toBeLessThan(5_000)
  })
})

describe('validators of the public API', () => {
  it('accept the written forms the detectors accept', async () => {
    const { isValidHkId, isValidCnId, isValidCard } = await import('../index')
    expect(['A123456-3', 'a 123456 (3)'.toUpperCase(), 'A123456【3】', 'Ａ１２３４５６－３'].map(isValidHkId)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(isValidHkId('A123456-4')).toBe(false)
    expect(
      ['110105 19491231 002X', '110105-1949-1231-002x', '110105\u300019491231\u3000002X'].map(isValidCnId),
    ).toEqual([true, true, true])
    expect(isValidCnId('1101 0519 4912 3100 2X')).toBe(false)
    expect(
      ['4111.1111.1111.1111', '4111\u00a01111\u00a01111\u00a01111', '4111–1111–1111–1111'].map(isValidCard),
    ).toEqual([true, true, true])
  })
})

describe('hard negatives', () => {
  it.each([
    ['order number', 'Tel ORD-20250417-123456'],
    ['case numbers', '案件 HCA 1234/2025 及 DCCJ 567/2024'],
    ['dates', '電話 2025-04-17, 17/04/2025, 2025.04.17, 20250417'],
    ['amounts', 'Tel HK$12,345,678.00 and HK$ 91,234,567'],
    ['amounts glued to a currency sign after a phone word', '電話費 HK$91234567, Tel ¥61234567'],
    ['year ranges', 'FY 2024-2025, 2019 - 2020, 2021–2022, 2023 2024'],
    ['numbers no Hong Kong operator uses', '請打 5012 3456 或 4012-3456 或 9999 9999'],
    ['invoice numbers', 'Invoice INV-2025-000123, INV/2025/91234567'],
    ['tracking numbers', 'SF1234567890123, EE123456789HK, 1Z999AA10123456784'],
    ['version strings', 'v1.2.3, 2.10.85291234, build 8.5.2.91234567'],
    ['IP addresses', '192.168.100.200, 10.0.0.1, 203.85.291.234'],
    ['unix timestamps', 'Tel 1744853400000 / 1744853400'],
    ['HK bank account numbers', '帳戶 012-345-678901-2, 004-123-456789-001'],
    ['card numbers failing Luhn', 'card 4111 1111 1111 1112, 4111-1111-1111-1112'],
  ])('finds nothing in %s', (_kind, text) => {
    expect(found(text)).toEqual([])
  })
})
