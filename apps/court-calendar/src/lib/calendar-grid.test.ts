import { describe, expect, it } from 'vitest'
import type { Deadline, Hearing } from '@suite/domain'
import { flaggedIds, groupByDay, monthGrid, shiftAnchor, todayInHongKong, viewRange, weekStart } from './calendar-grid'

describe('calendar grid', () => {
  it('weeks start on Monday; a month grid covers whole weeks', () => {
    expect(weekStart('2026-04-05')).toBe('2026-03-30') // a Sunday
    expect(weekStart('2026-04-06')).toBe('2026-04-06')
    const grid = monthGrid('2026-02-17')
    expect(grid[0]![0]).toBe('2026-01-26')
    expect(grid.at(-1)![6]).toBe('2026-03-01')
    expect(grid.every((w) => w.length === 7)).toBe(true)
  })

  it('gives each view its window and steps', () => {
    expect(viewRange('week', '2026-04-08')).toEqual({ from: '2026-04-06', to: '2026-04-12' })
    expect(viewRange('agenda', '2026-04-08')).toEqual({ from: '2026-04-08', to: '2026-05-05' })
    expect(viewRange('month', '2026-04-08')).toEqual({ from: '2026-03-30', to: '2026-05-03' })
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01')
    expect(shiftAnchor('week', '2026-04-08', -1)).toBe('2026-03-30')
  })

  it('knows today in Hong Kong and groups items by their Hong Kong day', () => {
    expect(todayInHongKong(new Date('2026-04-07T17:00:00Z'))).toBe('2026-04-08')
    const h = (id: string, startsAt: string) => ({ id, startsAt }) as Hearing
    const d = (id: string, dueOn: string) => ({ id, dueOn }) as Deadline
    const days = groupByDay({
      hearings: [h('b', '2026-04-08T14:00:00+08:00'), h('a', '2026-04-08T09:30:00+08:00')],
      deadlines: [d('x', '2026-04-07')],
    })
    expect(days.map((x) => [x.date, x.hearings.map((y) => y.id), x.deadlines.map((y) => y.id)])).toEqual([
      ['2026-04-07', [], ['x']],
      ['2026-04-08', ['a', 'b'], []],
    ])
    expect([
      ...flaggedIds([
        {
          kind: 'deadline_cluster',
          userId: 'u' as never,
          date: '2026-04-07',
          deadlineIds: ['x' as never, 'y' as never],
        },
      ]),
    ]).toEqual(['x', 'y'])
  })
})
