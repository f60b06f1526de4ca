import { describe, expect, it } from 'vitest'
import { deadlineStanding, withCaseNumber } from './court-calendar'

describe('deadlineStanding', () => {
  const today = '2026-04-08'
  it('derives overdue and due soon from an open deadline and the Hong Kong date', () => {
    expect(deadlineStanding({ status: 'open', dueOn: '2026-04-07' }, today)).toBe('overdue')
    expect(deadlineStanding({ status: 'open', dueOn: '2025-12-31' }, today)).toBe('overdue')
    expect(deadlineStanding({ status: 'open', dueOn: '2026-04-08' }, today)).toBe('due_soon')
    expect(deadlineStanding({ status: 'open', dueOn: '2026-04-11' }, today)).toBe('due_soon')
    expect(deadlineStanding({ status: 'open', dueOn: '2026-04-12' }, today)).toBe('open')
  })
  it('keeps a recorded outcome as it is, past or not', () => {
    expect(deadlineStanding({ status: 'done', dueOn: '2026-04-01' }, today)).toBe('done')
    expect(deadlineStanding({ status: 'missed', dueOn: '2026-04-01' }, today)).toBe('missed')
    expect(deadlineStanding({ status: 'cancelled', dueOn: '2026-04-01' }, today)).toBe('cancelled')
  })
})

describe('withCaseNumber', () => {
  it('puts the number in front only when the title does not already name it', () => {
    expect(withCaseNumber('HCA 1234/2026', '審前覆核')).toBe('HCA 1234/2026 · 審前覆核')
    expect(withCaseNumber('HCA 1234/2026', 'HCA 1234/2026 PTR')).toBe('HCA 1234/2026 PTR')
    expect(withCaseNumber('HCA 1234/2026', 'PTR in hca1234/2026')).toBe('PTR in hca1234/2026')
    expect(withCaseNumber('HCA 1234/2026', 'Trial', ' ')).toBe('HCA 1234/2026 Trial')
  })
})
