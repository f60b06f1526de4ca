import { describe, expect, it } from 'vitest'
import { maskValue } from './mask'
import { redactText, scanText } from './scan'

describe('maskValue', () => {
  it.each([
    ['hk_id', 'A123456(3)', 'A123***(*)'],
    ['hk_id', 'AB123456（7）', 'AB123***（*）'],
    ['hk_id', 'A1234563', 'A123****'],
    ['mo_id', '1234567(8)', '123****(*)'],
    ['cn_id', '11010519491231002X', '1101**************'],
    ['credit_card', '4111 1111 1111 1111', '**** **** **** 1111'],
    ['phone', '+852 9123 4567', '+852 9*** **67'],
    ['phone', '(852) 2123-4567', '(852) 2***-**67'],
    ['phone', '00853 66123456', '00853 6*****56'],
    ['phone', '13800138000', '1********00'],
    ['email', 'chan.tm@example.com', 'c***@example.com'],
    ['keyword', '合約', '合約'],
  ] as const)('%s %s → %s', (type, raw, masked) => {
    expect(maskValue(type, raw)).toBe(masked)
  })

  it.each([
    ['hk_id', 'A 123456 (3)', 'A 123*** (*)'],
    ['hk_id', 'a123456-3', 'a123***-*'],
    ['cn_id', '110105 19491231 002X', '1101** ******** ****'],
    ['phone', '852 9123 4567', '852 9*** **67'],
    ['phone', '8613800138000', '861********00'],
    ['phone', '0086 138 0013 8000', '0086 1** **** **00'],
    ['phone', '+852 800 123 456', '+852 8** *** *56'],
    ['phone', '8521 2345', '8*** **45'],
    ['phone', '+(852) 9123-4567', '+(852) 9***-**67'],
    ['email', 'amy%40example.com', 'a***%40example.com'],
  ] as const)('masks the written form %s %s → %s', (type, raw, masked) => {
    expect(maskValue(type, raw)).toBe(masked)
  })

  it('produces values the detectors never find again', () => {
    const text = 'A123456(3) 11010519491231002X 4111 1111 1111 1111 +852 9123 4567 chan@example.com 1234567(8)'
    const masked = scanText(text)
      .map((f) => f.masked)
      .join(' ')
    expect(scanText(masked).filter((f) => f.type !== 'keyword')).toEqual([])
  })
})

describe('redactText', () => {
  it('masks personal data in a name and keeps the rest', () => {
    expect(redactText('報告_A123456(3) chan@example.com.docx')).toBe('報告_A123***(*) c***@example.com.docx')
    expect(redactText('合約.docx')).toBe('合約.docx')
  })
})
