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
export async function itemChanged(q: Queryable, type: 'hearing' | 'deadline', id: string, o: { timeChanged: boolean; now: Date }): Promise<void> {
  await enqueueSync(q, type, id, o.now)
  if (o.timeChanged) await scheduleReminders(q, type, id, o.now)
}
