import type { Deadline, Hearing } from '@suite/domain'
import { describe, expect, it } from 'vitest'
import { findConflicts } from './conflicts'

const h = (
  id: string,
  start: string,
  end: string | null,
  lawyerIds: string[],
  status: Hearing['status'] = 'scheduled',
) => ({ id, startsAt: start, endsAt: end, lawyerIds, status }) as unknown as Hearing
const d = (id: string, dueOn: string, lawyerIds: string[], status: Deadline['status'] = 'open') =>
  ({ id, dueOn, lawyerIds, status }) as unknown as Deadline

describe('conflicts', () => {
  it('flags a lawyer in overlapping hearings, not back-to-back ones or cancelled ones', () => {
    const out = findConflicts(
      [
        h('a', '2026-07-06T10:00:00+08:00', '2026-07-06T12:00:00+08:00', ['u1', 'u2']),
        h('b', '2026-07-06T11:30:00+08:00', null, ['u1']),
        h('c', '2026-07-06T12:30:00+08:00', '2026-07-06T13:00:00+08:00', ['u1']),
        h('d', '2026-07-06T12:00:00+08:00', '2026-07-06T13:00:00+08:00', ['u2']),
        h('e', '2026-07-06T10:30:00+08:00', null, ['u2'], 'cancelled'),
      ],
      [],
      2,
    )
    // b ends at 12:30 (an hour by default), so c, starting 12:30, is not inside the group.
    expect(out).toEqual([{ kind: 'double_booked', userId: 'u1', date: '2026-07-06', hearingIds: ['a', 'b'] }])
  })

  it('flags a lawyer’s crowded day from the threshold on, open deadlines only', () => {
    const ds = [d('x', '2026-07-03', ['u1']), d('y', '2026-07-03', ['u1', 'u2']), d('z', '2026-07-03', ['u1'], 'done')]
    expect(findConflicts([], ds, 2)).toEqual([
      { kind: 'deadline_cluster', userId: 'u1', date: '2026-07-03', deadlineIds: ['x', 'y'] },
    ])
    expect(findConflicts([], ds, 3)).toEqual([])
  })
})
