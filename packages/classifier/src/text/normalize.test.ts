import { describe, expect, it } from 'vitest'
import { foldForScan, foldWidth } from './normalize'

describe('foldForScan', () => {
  it('folds full-width forms, every space, dash, dot and bracket kind, keeping the length', () => {
    const cases: Array<[string, string]> = [
      ['Ａ１２３４５６（３）', 'A123456(3)'],
      ['A123456［3］【3】〔3〕｛3｝{3}[3]「3」', 'A123456(3)(3)(3)(3)(3)(3)(3)'],
      ['+852\u00a09123\u202f4567\u30009123', '+852 9123 4567 9123'],
      ['9123–4567—1−2‐3－4', '9123-4567-1-2-3-4'],
      ['9123·4567・1．2', '9123.4567.1.2'],
      ['身份證：A1😀', '身份證:A1😀'],
    ]
    for (const [raw, folded] of cases) {
      expect(foldForScan(raw)).toBe(folded)
      expect(foldForScan(raw)).toHaveLength(raw.length)
    }
  })

  it('returns text with nothing to fold as it is, and leaves foldWidth as it was', () => {
    const plain = '身份證 A123456(3) chan@example.com'
    expect(foldForScan(plain)).toBe(plain)
    expect(foldWidth('Ａ【3】\u00a0')).toBe('A【3】\u00a0')
  })
})
