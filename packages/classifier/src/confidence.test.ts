import { describe, expect, it } from 'vitest'
import { confidencePercent, findingConfidence, scanText } from './index'

describe('one confidence per value', () => {
  it('a checksum-valid HKID has one confidence wherever it appears in the text', () => {
    // Once next to its context word, once far (over 300 characters) from any.
    const text = `身份證 A123456(3)\n${'會議紀錄。'.repeat(100)}\n覆核 A123456(3)`
    const found = scanText(text).filter((f) => f.type === 'hk_id')
    expect(found).toHaveLength(2)
    expect(found.map((f) => f.context)).toEqual([true, false])
    expect(found.map((f) => f.confidence)).toEqual([0.95, 0.95])
    expect(found.map((f) => confidencePercent(f.confidence))).toEqual([95, 95])
  })

  it('the same value written another way is still the same value; another value keeps its own evidence', () => {
    const text = `HKID A123456(3)\n${'x'.repeat(400)}\na123456-3 and G123456(A)`
    const found = scanText(text).filter((f) => f.type === 'hk_id')
    expect(found.map((f) => f.confidence)).toEqual([0.95, findingConfidence(0.65, true), findingConfidence(0.7, false)])
    expect(confidencePercent(found[2]!.confidence)).toBe(70)
  })
})
