import { describe, expect, it } from 'vitest'
import { detectKind } from '../identifier'
import { LABELLED_IDENTIFIERS } from './labelled-identifiers'
import { scoreLabelledList } from './score'

describe('the labelled list', () => {
  it('is big enough and honest about its mix', () => {
    expect(LABELLED_IDENTIFIERS.length).toBeGreaterThanOrEqual(300)
    expect(LABELLED_IDENTIFIERS.filter((c) => c.label === 'legit').length).toBeGreaterThanOrEqual(150)
    const texts = LABELLED_IDENTIFIERS.map((c) => `${c.kind}|${c.text}`)
    expect(new Set(texts).size).toBe(texts.length)
  })

  it('says which kind each text is, as the form would guess it', () => {
    const wrong = LABELLED_IDENTIFIERS.filter(
      (c) => detectKind(c.text) !== c.kind && !(c.kind === 'phone' && /^\d{3,4}$/.test(c.text)),
    )
    expect(wrong.map((c) => c.text)).toEqual([])
  })

  it('flags at least 97% of the should-flag cases with at most 1% false alarms on the legitimate ones', () => {
    const s = scoreLabelledList()
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`
    process.stdout.write(
      `labelled list: flagged ${s.flagged}/${s.total} (${pct(s.rate)}), false alarms ${s.falseAlarms}/${s.legitTotal} (${pct(s.falseAlarmRate)})\n`,
    )
    for (const m of s.misses)
      process.stdout.write(`  miss: ${m.text} (${m.label}: ${m.note}) -> ${m.verdict} [${m.reasons.join(', ')}]\n`)
    for (const m of s.falseAlarmCases)
      process.stdout.write(`  false alarm: ${m.text} (${m.note}) -> ${m.verdict} [${m.reasons.join(', ')}]\n`)
    expect(s.rate).toBeGreaterThanOrEqual(0.97)
    expect(s.falseAlarmRate).toBeLessThanOrEqual(0.01)
  })
})
