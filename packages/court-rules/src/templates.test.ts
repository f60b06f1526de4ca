import { describe, expect, it } from 'vitest'
import { bundledCalendar } from './index'
import { ANCHOR_EVENTS, BUNDLED_TEMPLATES, applyTemplate, findBundledTemplate } from './templates'
import { validatePeriodRule } from './deadline'

describe('bundled rule templates', () => {
  it('are valid rules with names in three languages, an anchor event and a citation', () => {
    expect(new Set(BUNDLED_TEMPLATES.map((t) => t.id)).size).toBe(BUNDLED_TEMPLATES.length)
    for (const t of BUNDLED_TEMPLATES) {
      expect(validatePeriodRule(t), t.id).toBeNull()
      expect(t.name['zh-HK'] && t.name['zh-CN'] && t.name.en, t.id).toBeTruthy()
      expect(ANCHOR_EVENTS).toContain(t.anchorEvent)
      expect(t.citation).toMatch(/^RHC O\.\d+ r\.\d+/)
    }
  })

  it('acknowledgment of service counts the day of service: served Monday 3 March 2025, due Monday 17 March (16th is a Sunday)', () => {
    const r = applyTemplate(findBundledTemplate('acknowledgment-of-service')!, '2025-03-03', bundledCalendar())
    expect(r.unadjusted).toBe('2025-03-16')
    expect(r.deadline).toBe('2025-03-17')
  })

  it('deemed service by post ignores O.3 r.2(5) and does not roll', () => {
    const t = findBundledTemplate('deemed-service-by-post')!
    expect(t.ignoreShortPeriodRule).toBe(true)
    expect(applyTemplate(t, '2025-04-12', bundledCalendar()).deadline).toBe('2025-04-19')
  })

  it('a summons needs 2 clear days before the hearing, weekends left out', () => {
    expect(applyTemplate(findBundledTemplate('summons-service')!, '2025-05-12', bundledCalendar()).deadline).toBe(
      '2025-05-07',
    )
  })
})
