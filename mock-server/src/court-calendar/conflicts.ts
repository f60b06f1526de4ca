import type { CourtConflict, Deadline, Hearing } from '@suite/domain'

const DEFAULT_MINUTES = 60

/**
 * What the calendar flags among the items a person can see: a lawyer in two scheduled
 * hearings whose times overlap (an open end counts as an hour), and a lawyer with at least
 * `clusterThreshold` open deadlines on one day.
 */
export function findConflicts(
  hearings: readonly Hearing[],
  deadlines: readonly Deadline[],
  clusterThreshold: number,
): CourtConflict[] {
  const out: CourtConflict[] = []
  const byLawyer = new Map<string, { id: Hearing['id']; start: number; end: number; date: string }[]>()
  for (const h of hearings) {
    if (h.status !== 'scheduled') continue
    const start = Date.parse(h.startsAt)
    const end = h.endsAt ? Date.parse(h.endsAt) : start + DEFAULT_MINUTES * 60_000
    for (const u of h.lawyerIds)
      byLawyer.set(u, [...(byLawyer.get(u) ?? []), { id: h.id, start, end, date: h.startsAt.slice(0, 10) }])
  }
  for (const [userId, list] of byLawyer) {
    list.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
    // Sweep: a group grows while the next hearing starts before the group's latest end.
    let group: typeof list = []
    let groupEnd = -Infinity
    const flush = () => {
      if (group.length > 1)
        out.push({
          kind: 'double_booked',
          userId: userId as Hearing['lawyerIds'][number],
          date: group[0]!.date,
          hearingIds: group.map((g) => g.id),
        })
    }
    for (const h of list) {
      if (h.start < groupEnd) {
        group.push(h)
        groupEnd = Math.max(groupEnd, h.end)
        continue
      }
      flush()
      group = [h]
      groupEnd = h.end
    }
    flush()
  }
  const perDay = new Map<string, Deadline['id'][]>()
  for (const d of deadlines) {
    if (d.status !== 'open') continue
    for (const u of d.lawyerIds) {
      const key = `${u}|${d.dueOn}`
      perDay.set(key, [...(perDay.get(key) ?? []), d.id])
    }
  }
  for (const [key, ids] of perDay) {
    if (ids.length < clusterThreshold) continue
    const [userId, date] = key.split('|') as [string, string]
    out.push({ kind: 'deadline_cluster', userId: userId as Deadline['lawyerIds'][number], date, deadlineIds: ids })
  }
  return out.sort(
    (a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.userId.localeCompare(b.userId),
  )
}
