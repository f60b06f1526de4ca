import { createHash } from 'node:crypto'
import { addDays } from '@suite/court-rules'
import type { Locale, Role, SyncOverview, SyncState } from '@suite/domain'
import type { Db, Queryable } from '../db/db'
import type { Deps } from '../deps'
import { DingTalkApiError, type CalendarEventInput } from '../dingtalk/client'
import type { JobHandler, JobOutcome } from '../jobs/queue'
import { loadSubject } from '../cases/access'
import { isInternalRole, namesCaseNumber, withCaseNumber } from '@suite/domain'
import { courtAbilities } from './access'
import { SYNC_JOB } from './changes'
import { HEARING_TYPE_LABELS, WORDS } from './labels'
import { courtCalendarLink } from './reminders'
import { getSettings } from './settings'
import { hkMonth, msUntilNextHkMonth, toHkIso } from './time'

/**
 * DingTalk calendar sync: one event per lawyer of each hearing and deadline, in the lawyer's
 * primary calendar (organizer = their unionId). Our key (item, lawyer) maps to the event id
 * and the hash of the body we last sent, so a run with nothing changed makes no call, a change
 * makes one update, a cancellation one delete. A create carries an `x-client-token` derived
 * from the key, stored before the call: a worker that dies after DingTalk created the event
 * but before we stored its id re-sends the same token and gets the same event back.
 */

type ItemType = 'hearing' | 'deadline'

/** One event we want a lawyer to have. */
interface Desired {
  userId: string
  unionId: string
  body: CalendarEventInput
  hash: string
}

interface MappingRow {
  user_id: string
  union_id: string | null
  event_id: string | null
  content_hash: string | null
  client_token: string | null
  generation: number
  state: string
}

interface Lawyer {
  id: string
  role: Role
  active: boolean
  locale: Locale
  dingtalk_union_id: string | null
}

const DEFAULT_HEARING_MINUTES = 60

function hashOf(unionId: string, body: CalendarEventInput): string {
  return createHash('sha256')
    .update(JSON.stringify([unionId, body]))
    .digest('hex')
}

/** The client token of a create: stable for one key and generation, so a retried create is the same create. */
export function clientTokenFor(
  type: ItemType,
  itemId: string,
  userId: string,
  generation: number,
  unionId: string,
): string {
  return createHash('sha256')
    .update(`court:${type}:${itemId}:${userId}:${generation}:${unionId}`)
    .digest('hex')
    .slice(0, 40)
}

/** The item as an event body per locale, or null when no one should have it (cancelled, gone). */
async function eventBodies(
  db: Db,
  deps: Pick<Deps, 'env'>,
  type: ItemType,
  id: string,
): Promise<{ caseId: string; lawyerIds: string[]; body: (l: Locale) => CalendarEventInput } | null> {
  if (type === 'hearing') {
    const h = (
      await db.query<{
        case_id: string
        number: string
        title: string
        court_case_number: string
        court: string
        judge: string | null
        courtroom: string | null
        hearing_type: keyof typeof HEARING_TYPE_LABELS
        htitle: string | null
        starts_at: Date
        ends_at: Date | null
        status: string
        lawyer_ids: string[]
        notes: string | null
      }>(
        `SELECT h.case_id, c.number, c.title, h.court_case_number, h.court, h.judge, h.courtroom, h.hearing_type, h.title AS htitle, h.starts_at, h.ends_at,
          h.status, h.lawyer_ids, h.notes FROM court_hearings h JOIN cases c ON c.id = h.case_id WHERE h.id = $1`,
        [id],
      )
    ).rows[0]
    if (!h || h.status !== 'scheduled') return null
    const end = h.ends_at ?? new Date(new Date(h.starts_at).getTime() + DEFAULT_HEARING_MINUTES * 60_000)
    const link = courtCalendarLink(deps, `/hearings/${id}`)
    return {
      caseId: h.case_id,
      lawyerIds: h.lawyer_ids,
      body: (l) => {
        const w = WORDS[l]
        const type = HEARING_TYPE_LABELS[h.hearing_type][l]
        return {
          summary: withCaseNumber(h.court_case_number, h.htitle ? h.htitle : type, ' ').slice(0, 2048),
          description: [
            `${h.number} · ${h.title}`,
            `${type} · ${w.place(h.court, h.courtroom)}`,
            h.judge ? `${w.judge}: ${h.judge}` : '',
            h.notes ?? '',
            link ?? '',
            `(${w.synced})`,
          ]
            .filter(Boolean)
            .join('\n')
            .slice(0, 5000),
          start: { dateTime: toHkIso(h.starts_at), timeZone: 'Asia/Hong_Kong' },
          end: { dateTime: toHkIso(end), timeZone: 'Asia/Hong_Kong' },
          isAllDay: false,
          location: { displayName: w.place(h.court, h.courtroom) },
        }
      },
    }
  }
  const d = (
    await db.query<{
      case_id: string
      number: string
      ctitle: string
      title: string
      due_on: string
      status: string
      lawyer_ids: string[]
      citation: string | null
      notes: string | null
    }>(
      `SELECT d.case_id, c.number, c.title AS ctitle, d.title, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.status, d.lawyer_ids, d.citation, d.notes
       FROM court_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.id = $1`,
      [id],
    )
  ).rows[0]
  if (!d || d.status === 'cancelled') return null
  const link = courtCalendarLink(deps, `/deadlines/${id}`)
  return {
    caseId: d.case_id,
    lawyerIds: d.lawyer_ids,
    body: (l) => {
      const w = WORDS[l]
      return {
        summary: `${w.deadline}: ${d.title}${namesCaseNumber(d.title, d.number) ? '' : ` (${d.number})`}`.slice(
          0,
          2048,
        ),
        description: [
          `${d.number} · ${d.ctitle}`,
          d.citation ? `${w.citation}: ${d.citation}` : '',
          d.notes ?? '',
          link ?? '',
          `(${w.synced})`,
        ]
          .filter(Boolean)
          .join('\n')
          .slice(0, 5000),
        // All-day events take a date, and end on the next day.
        start: { date: d.due_on },
        end: { date: addDays(d.due_on, 1) },
        isAllDay: true,
      }
    },
  }
}

/** What the item's lawyers should have, and who was left out for having no DingTalk account. */
async function desiredEvents(
  db: Db,
  deps: Pick<Deps, 'env'>,
  type: ItemType,
  id: string,
  now: Date,
): Promise<{ desired: Map<string, Desired>; noAccount: string[] }> {
  const desired = new Map<string, Desired>()
  const noAccount: string[] = []
  const item = await eventBodies(db, deps, type, id)
  if (!item) return { desired, noAccount }
  const lawyers = (
    await db.query<Lawyer>(
      'SELECT id, role, active, locale, dingtalk_union_id FROM users WHERE id = ANY($1::text[]) ORDER BY id',
      [item.lawyerIds],
    )
  ).rows
  for (const u of lawyers) {
    // Someone who left the firm, lost the case or was walled off no longer gets the event.
    if (!u.active || !isInternalRole(u.role) || !courtAbilities(await loadSubject(db, item.caseId, u, now)).view)
      continue
    if (!u.dingtalk_union_id) {
      noAccount.push(u.id)
      continue
    }
    const body = item.body(u.locale)
    desired.set(u.id, { userId: u.id, unionId: u.dingtalk_union_id, body, hash: hashOf(u.dingtalk_union_id, body) })
  }
  return { desired, noAccount }
}

/** Paces DingTalk calls to a number per second across every sync job of this process. */
export function createPacer(sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  let next = 0
  return async (perSecond: number): Promise<void> => {
    const gap = 1000 / perSecond
    const t = Date.now()
    const wait = next - t
    next = Math.max(t, next) + gap
    if (wait > 0) await sleep(wait)
  }
}

/** Calls the sync made this month. */
export async function callsThisMonth(db: Pick<Db, 'query'>, now: Date): Promise<number> {
  return (
    (await db.query<{ calls: number }>('SELECT calls FROM court_sync_usage WHERE month = $1', [hkMonth(now)])).rows[0]
      ?.calls ?? 0
  )
}

/** The month's calls against the budget, how many (item, lawyer) events are in each state, and the sync jobs waiting. */
export async function syncOverview(q: Queryable, now: Date): Promise<SyncOverview> {
  const counts: Record<SyncState, number> = { pending: 0, synced: 0, error: 0, deleted: 0, skipped: 0 }
  const states = await q.query<{ state: SyncState; n: number }>(
    'SELECT state, count(*)::int AS n FROM court_sync_events GROUP BY state',
  )
  for (const r of states.rows) counts[r.state] = r.n
  const queued = (
    await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND status IN ('queued','running')`,
      [SYNC_JOB],
    )
  ).rows[0]!.n
  return {
    month: hkMonth(now),
    callsUsed: await callsThisMonth(q, now),
    monthlyBudget: (await getSettings(q)).monthlyCallBudget,
    counts,
    queuedJobs: queued,
  }
}

class BudgetReached extends Error {}

/**
 * The job handler of `court.calendar.sync`. It uses the database it is given (`ctx.db`),
 * never another, so a test can make it die between two writes.
 */
export function syncHandler(deps: Pick<Deps, 'dingtalk' | 'env' | 'now'>, pace = createPacer()): JobHandler {
  return async (job, { db }): Promise<JobOutcome> => {
    const { itemType, itemId } = job.payload as { itemType: ItemType; itemId: string }
    const now = deps.now()
    const settings = await getSettings(db)
    const month = hkMonth(now)
    const { desired, noAccount } = await desiredEvents(db, deps, itemType, itemId, now)
    const mappings = new Map(
      (
        await db.query<MappingRow>(
          'SELECT user_id, union_id, event_id, content_hash, client_token, generation, state FROM court_sync_events WHERE item_type = $1 AND item_id = $2',
          [itemType, itemId],
        )
      ).rows.map((m) => [m.user_id, m]),
    )

    const setRow = (userId: string, sql: string, params: unknown[]) =>
      db.query(
        `UPDATE court_sync_events SET ${sql}, updated_at = now() WHERE item_type = $1 AND item_id = $2 AND user_id = $3`,
        [itemType, itemId, userId, ...params],
      )

    /** One metered DingTalk call: budget check, pacing, and the calls it made counted. */
    async function metered<T>(fn: () => Promise<T>): Promise<T> {
      if ((await callsThisMonth(db, now)) >= settings.monthlyCallBudget)
        throw new BudgetReached('monthly_budget_reached')
      await pace(settings.syncCallsPerSecond)
      const before = deps.dingtalk.metrics.calls
      try {
        return await fn()
      } finally {
        const used = deps.dingtalk.metrics.calls - before
        if (used > 0) {
          await db.query(
            `INSERT INTO court_sync_usage (month, calls) VALUES ($1, $2) ON CONFLICT (month) DO UPDATE SET calls = court_sync_usage.calls + EXCLUDED.calls`,
            [month, used],
          )
        }
      }
    }
    const isGone = (e: unknown) => e instanceof DingTalkApiError && e.kind === 'rejected' && e.status === 404

    async function create(d: Desired, m: MappingRow | undefined): Promise<void> {
      const generation = m?.generation ?? 0
      const token =
        m?.client_token && m.union_id === d.unionId
          ? m.client_token
          : clientTokenFor(itemType, itemId, d.userId, generation, d.unionId)
      // Record the create before making it: after a crash the same token comes back.
      await db.query(
        `INSERT INTO court_sync_events (item_type, item_id, user_id, union_id, client_token, generation, state, attempts, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', 1, now())
         ON CONFLICT (item_type, item_id, user_id) DO UPDATE SET union_id = EXCLUDED.union_id, client_token = EXCLUDED.client_token,
           state = 'pending', attempts = court_sync_events.attempts + 1, updated_at = now()`,
        [itemType, itemId, d.userId, d.unionId, token, generation],
      )
      const ev = await metered(() => deps.dingtalk.calendar.create(d.unionId, d.body, token))
      await setRow(
        d.userId,
        `event_id = $4, content_hash = $5, client_token = NULL, state = 'synced', last_error = NULL, synced_at = $6`,
        [ev.id, d.hash, now],
      )
    }

    async function remove(userId: string, m: MappingRow): Promise<void> {
      let eventId = m.event_id
      if (!eventId && m.client_token && m.union_id) {
        // A create may have reached DingTalk before a crash: the same token names that event.
        const token = m.client_token
        const unionId = m.union_id
        eventId = (
          await metered(() =>
            deps.dingtalk.calendar.create(
              unionId,
              { summary: '-', start: { date: '2000-01-01' }, end: { date: '2000-01-02' }, isAllDay: true },
              token,
            ),
          )
        ).id
        await setRow(userId, 'event_id = $4', [eventId])
      }
      if (eventId && m.union_id) {
        const unionId = m.union_id
        const id = eventId
        try {
          await metered(() => deps.dingtalk.calendar.remove(unionId, id))
        } catch (e) {
          if (!isGone(e)) throw e
        }
      }
      await setRow(
        userId,
        `event_id = NULL, content_hash = NULL, client_token = NULL, generation = generation + 1, state = 'deleted', last_error = NULL, synced_at = $4`,
        [now],
      )
    }

    async function syncOne(userId: string): Promise<void> {
      const d = desired.get(userId)
      const m = mappings.get(userId)
      if (!d) {
        if (m && (m.event_id || m.client_token)) await remove(userId, m)
        else if (m && m.state !== 'deleted') await setRow(userId, `state = 'deleted', last_error = NULL`, [])
        return
      }
      if (m?.event_id && m.union_id === d.unionId) {
        if (m.content_hash === d.hash && m.state === 'synced') return
        const eventId = m.event_id
        try {
          await metered(() => deps.dingtalk.calendar.update(d.unionId, eventId, d.body))
          await setRow(userId, `content_hash = $4, state = 'synced', last_error = NULL, synced_at = $5`, [d.hash, now])
          return
        } catch (e) {
          if (!isGone(e)) throw e
          // Deleted in DingTalk by hand: create it again under a new generation.
          await setRow(
            userId,
            'event_id = NULL, content_hash = NULL, client_token = NULL, generation = generation + 1',
            [],
          )
          await create(d, { ...m, event_id: null, client_token: null, generation: m.generation + 1 })
          return
        }
      }
      if (m?.event_id && m.union_id !== d.unionId) await remove(userId, m)
      const fresh = m?.event_id ? { ...m, event_id: null, client_token: null, generation: m.generation + 1 } : m
      await create(d, fresh)
    }

    for (const userId of noAccount) {
      await db.query(
        `INSERT INTO court_sync_events (item_type, item_id, user_id, state, last_error, updated_at) VALUES ($1, $2, $3, 'skipped', 'no_dingtalk_account', now())
         ON CONFLICT (item_type, item_id, user_id) DO UPDATE SET state = 'skipped', last_error = 'no_dingtalk_account', updated_at = now()
         WHERE court_sync_events.event_id IS NULL AND court_sync_events.client_token IS NULL`,
        [itemType, itemId, userId],
      )
    }

    const users = [...new Set([...desired.keys(), ...mappings.keys()])]
      .filter((u) => !noAccount.includes(u) || mappings.get(u)?.event_id)
      .sort()
    let transient: DingTalkApiError | null = null
    for (const userId of users) {
      try {
        await syncOne(userId)
      } catch (e) {
        const message = e instanceof Error ? e.message.slice(0, 500) : String(e)
        if (e instanceof BudgetReached || (e instanceof DingTalkApiError && e.kind === 'quota_exceeded')) {
          // Nothing more this month: wait for the next one without burning attempts.
          await setRow(userId, `state = 'pending', last_error = $4`, [
            e instanceof BudgetReached ? 'monthly_budget_reached' : 'dingtalk_quota_exceeded',
          ])
          return { retryInMs: msUntilNextHkMonth(now) }
        }
        if (e instanceof DingTalkApiError && (e.retryable || e.kind === 'unauthorized')) {
          await setRow(userId, `state = 'pending', last_error = $4`, [`${e.kind}: ${message}`])
          transient ??= e
          continue
        }
        if (e instanceof DingTalkApiError) {
          // A definite "no" (a body DingTalk refuses): retrying cannot help; show it.
          await setRow(userId, `state = 'error', last_error = $4`, [`${e.code}: ${message}`])
          continue
        }
        throw e
      }
    }
    if (transient?.kind === 'rate_limited') return { retryInMs: 1000 + Math.floor(Math.random() * 4000) }
    if (transient) throw transient
    return undefined
  }
}
