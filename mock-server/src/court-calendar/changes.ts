import type { Queryable } from '../db/db'
import { enqueue } from '../jobs/queue'
import { scheduleReminders } from './reminders'

/** Job kind of the DingTalk calendar sync of one hearing or deadline. */
export const SYNC_JOB = 'court.calendar.sync'

/**
 * Queue the DingTalk calendar sync of an item in the caller's transaction. No dedupe key on
 * purpose: a job reads the item's state when it runs and does nothing when its hash matches,
 * so an extra job costs nothing, while a coalesced one could run before this change commits.
 */
export async function enqueueSync(q: Queryable, type: 'hearing' | 'deadline', id: string, now: Date): Promise<void> {
  await enqueue(q, SYNC_JOB, { itemType: type, itemId: id }, { maxAttempts: 12, runAt: now })
}

/**
 * What follows any change to a hearing or deadline: its calendars follow, and when its time
 * changed (or it was created) its reminders are scheduled for the new time.
 */
export async function itemChanged(
  q: Queryable,
  type: 'hearing' | 'deadline',
  id: string,
  o: { timeChanged: boolean; now: Date },
): Promise<void> {
  await enqueueSync(q, type, id, o.now)
  if (o.timeChanged) await scheduleReminders(q, type, id, o.now)
}

/**
 * Someone's access to a case changed (walled off, removed, added again): queue, in the
 * caller's transaction, the sync of every live hearing and deadline of the case that names
 * them and of every item of the case they hold (or may hold) an event of. Each job decides
 * per lawyer from the case's permissions when it runs, so a walled or removed lawyer's events
 * are deleted and a returning one's come back. Returns how many items were queued.
 */
export async function enqueueSyncForMember(q: Queryable, caseId: string, userId: string, now: Date): Promise<number> {
  const { rows } = await q.query<{ item_type: 'hearing' | 'deadline'; item_id: string }>(
    `SELECT 'hearing' AS item_type, id AS item_id FROM court_hearings WHERE case_id = $1 AND status = 'scheduled' AND $2 = ANY(lawyer_ids)
     UNION SELECT 'deadline', id FROM court_deadlines WHERE case_id = $1 AND status <> 'cancelled' AND $2 = ANY(lawyer_ids)
     UNION SELECT e.item_type, e.item_id FROM court_sync_events e
       LEFT JOIN court_hearings h ON e.item_type = 'hearing' AND h.id = e.item_id
       LEFT JOIN court_deadlines d ON e.item_type = 'deadline' AND d.id = e.item_id
       WHERE e.user_id = $2 AND COALESCE(h.case_id, d.case_id) = $1
         AND (e.event_id IS NOT NULL OR e.client_token IS NOT NULL OR e.state IN ('pending','error'))
     ORDER BY 1, 2`,
    [caseId, userId],
  )
  for (const r of rows) await enqueueSync(q, r.item_type, r.item_id, now)
  return rows.length
}

/**
 * Queue, in the caller's transaction, the sync of every item that should have events and of
 * every item that has (or may have) one: an administrator's "check every event again". Returns
 * how many items were queued.
 */
export async function enqueueSyncOfAll(q: Queryable, now: Date): Promise<number> {
  const { rows } = await q.query<{ item_type: 'hearing' | 'deadline'; item_id: string }>(
    `SELECT 'hearing' AS item_type, id AS item_id FROM court_hearings WHERE status = 'scheduled'
     UNION SELECT 'deadline', id FROM court_deadlines WHERE status <> 'cancelled'
     UNION SELECT item_type, item_id FROM court_sync_events WHERE event_id IS NOT NULL OR client_token IS NOT NULL OR state IN ('pending','error')`,
  )
  for (const r of rows) await enqueueSync(q, r.item_type, r.item_id, now)
  return rows.length
}
