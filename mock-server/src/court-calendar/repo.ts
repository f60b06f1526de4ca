import type {
  DeadlinePatch,
  DeadlineWorking,
  HearingPatch,
  HearingType,
  ImportPreview,
  ImportedHearing,
  Locale,
  PeriodRule,
  Role,
  TriggerCreate,
} from '@suite/domain'
import type { Queryable } from '../db/db'
import { visibleCaseSql } from '../cases/access'
import {
  DEADLINE_SELECT,
  HEARING_SELECT,
  TRIGGER_SELECT,
  type DeadlineRow,
  type HearingRow,
  type TriggerRow,
} from './items'

/*
 * The SQL of the court calendar's hearings, deadlines and trigger events, of the agenda that
 * reads them, and of import previews. Row shapes and their mapping to the wire are in `items.ts`; the holidays,
 * declared days, settings, templates and the sync keep their own modules.
 */

/** A hearing as written by hand. */
export interface NewHearing {
  id: string
  caseId: string
  courtCaseNumber: string
  court: string
  judge: string | null
  courtroom: string | null
  type: HearingType
  title: string | null
  startsAt: Date
  endsAt: Date | null
  lawyerIds: string[]
  notes: string | null
  createdBy: string
  now: Date
}

/** A hearing as read from an import: the row's fields, found again by `externalUid` on the next import. */
export interface ImportedHearingWrite {
  hearing: ImportedHearing
  startsAt: Date
  endsAt: Date | null
  status: 'scheduled' | 'cancelled'
  now: Date
}

/** A stored hearing an import may change. */
export interface ImportedHearingRow {
  id: string
  starts_at: Date
  ends_at: Date | null
  status: string
}

/** `court_hearings`. */
export const hearingsRepo = {
  async create(q: Queryable, h: NewHearing): Promise<void> {
    await q.query(
      `INSERT INTO court_hearings (id, case_id, court_case_number, court, judge, courtroom, hearing_type, title, starts_at, ends_at, lawyer_ids, notes,
         source, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'manual', $13, $14, $14)`,
      [
        h.id,
        h.caseId,
        h.courtCaseNumber,
        h.court,
        h.judge,
        h.courtroom,
        h.type,
        h.title,
        h.startsAt,
        h.endsAt,
        h.lawyerIds,
        h.notes,
        h.createdBy,
        h.now,
      ],
    )
  },

  /** Change what `b` gives; SEQUENCE goes up when the time changed (calendars see a new version). */
  async update(
    q: Queryable,
    id: string,
    b: HearingPatch,
    t: { startsAt: Date; endsAt: Date | null; timeChanged: boolean; now: Date },
  ): Promise<void> {
    await q.query(
      `UPDATE court_hearings SET court_case_number = COALESCE($2, court_case_number), court = COALESCE($3, court),
         judge = CASE WHEN $4 THEN $5 ELSE judge END, courtroom = CASE WHEN $6 THEN $7 ELSE courtroom END,
         hearing_type = COALESCE($8, hearing_type), title = CASE WHEN $9 THEN $10 ELSE title END, starts_at = $11, ends_at = $12,
         lawyer_ids = COALESCE($13, lawyer_ids), notes = CASE WHEN $14 THEN $15 ELSE notes END,
         sequence = sequence + CASE WHEN $16 THEN 1 ELSE 0 END, updated_at = $17 WHERE id = $1`,
      [
        id,
        b.courtCaseNumber ?? null,
        b.court ?? null,
        b.judge !== undefined,
        b.judge ?? null,
        b.courtroom !== undefined,
        b.courtroom ?? null,
        b.type ?? null,
        b.title !== undefined,
        b.title ?? null,
        t.startsAt,
        t.endsAt,
        b.lawyerIds ?? null,
        b.notes !== undefined,
        b.notes ?? null,
        t.timeChanged,
        t.now,
      ],
    )
  },

  /** Cancel or restore: a new SEQUENCE either way. */
  async setStatus(q: Queryable, id: string, status: 'scheduled' | 'cancelled', now: Date): Promise<void> {
    await q.query('UPDATE court_hearings SET status = $2, sequence = sequence + 1, updated_at = $3 WHERE id = $1', [
      id,
      status,
      now,
    ])
  },

  /** The hearing an earlier import of the same event stored in a case, locked for the change. */
  async findImported(q: Queryable, caseId: string, externalUid: string): Promise<ImportedHearingRow | null> {
    const { rows } = await q.query<ImportedHearingRow>(
      'SELECT id, starts_at, ends_at, status FROM court_hearings WHERE case_id = $1 AND external_uid = $2 FOR UPDATE',
      [caseId, externalUid],
    )
    return rows[0] ?? null
  },

  /** Overwrite a stored hearing with an import's row; SEQUENCE goes up when `bump`. */
  async replaceImported(q: Queryable, id: string, w: ImportedHearingWrite, bump: boolean): Promise<void> {
    const h = w.hearing
    await q.query(
      `UPDATE court_hearings SET court_case_number = $2, court = $3, judge = $4, courtroom = $5, hearing_type = $6, title = $7, starts_at = $8,
         ends_at = $9, status = $10, sequence = sequence + CASE WHEN $11 THEN 1 ELSE 0 END, updated_at = $12 WHERE id = $1`,
      [
        id,
        h.courtCaseNumber,
        h.court,
        h.judge,
        h.courtroom,
        h.type,
        h.title,
        w.startsAt,
        w.endsAt,
        w.status,
        bump,
        w.now,
      ],
    )
  },

  async createImported(
    q: Queryable,
    id: string,
    caseId: string,
    w: ImportedHearingWrite,
    o: { lawyerIds: string[]; source: string; createdBy: string },
  ): Promise<void> {
    const h = w.hearing
    await q.query(
      `INSERT INTO court_hearings (id, case_id, court_case_number, court, judge, courtroom, hearing_type, title, starts_at, ends_at, status, lawyer_ids,
         source, external_uid, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [
        id,
        caseId,
        h.courtCaseNumber,
        h.court,
        h.judge,
        h.courtroom,
        h.type,
        h.title,
        w.startsAt,
        w.endsAt,
        w.status,
        o.lawyerIds,
        o.source,
        h.externalUid,
        o.createdBy,
        w.now,
      ],
    )
  },
}

/** What every new deadline has. */
interface NewDeadlineBase {
  id: string
  caseId: string
  title: string
  lawyerIds: string[]
  notes: string | null
  createdBy: string
  now: Date
  /** `done` or `missed` when the date had already passed and the creator recorded it so. */
  status: 'open' | 'done' | 'missed'
}

/** A computed deadline: its anchor (one of the four), the rule and the calculator's working. */
export interface NewComputedDeadline extends NewDeadlineBase {
  anchorType: 'hearing' | 'trigger' | 'deadline' | 'date'
  anchor: { hearing: string | null; trigger: string | null; deadline: string | null }
  anchorDate: string
  rule: PeriodRule
  templateId: string | null
  templateVersion: number | null
  citation: string | null
  working: DeadlineWorking
}

/** `court_deadlines`. */
export const deadlinesRepo = {
  async createFixed(q: Queryable, d: NewDeadlineBase & { dueOn: string }): Promise<void> {
    await q.query(
      `INSERT INTO court_deadlines (id, case_id, title, lawyer_ids, notes, created_by, created_at, updated_at, kind, due_on, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'fixed', $8, $9)`,
      [d.id, d.caseId, d.title, d.lawyerIds, d.notes, d.createdBy, d.now, d.dueOn, d.status],
    )
  },

  async createComputed(q: Queryable, d: NewComputedDeadline): Promise<void> {
    await q.query(
      `INSERT INTO court_deadlines (id, case_id, title, lawyer_ids, notes, created_by, created_at, updated_at, kind, due_on, anchor_type,
         anchor_hearing_id, anchor_trigger_id, anchor_deadline_id, anchor_date, rule, template_id, template_version, citation, working, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'computed', $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18::jsonb, $19)`,
      [
        d.id,
        d.caseId,
        d.title,
        d.lawyerIds,
        d.notes,
        d.createdBy,
        d.now,
        d.working.deadline,
        d.anchorType,
        d.anchor.hearing,
        d.anchor.trigger,
        d.anchor.deadline,
        d.anchorDate,
        JSON.stringify(d.rule),
        d.templateId,
        d.templateVersion,
        d.citation,
        JSON.stringify(d.working),
        d.status,
      ],
    )
  },

  /** Change what `b` gives; SEQUENCE goes up when `bump` (a new due date, or reopened). */
  async update(q: Queryable, id: string, b: DeadlinePatch, bump: boolean, now: Date): Promise<void> {
    await q.query(
      `UPDATE court_deadlines SET title = COALESCE($2, title), lawyer_ids = COALESCE($3, lawyer_ids), notes = CASE WHEN $4 THEN $5 ELSE notes END,
         due_on = COALESCE($6, due_on), status = COALESCE($7, status), sequence = sequence + CASE WHEN $8 THEN 1 ELSE 0 END, updated_at = $9
       WHERE id = $1`,
      [
        id,
        b.title ?? null,
        b.lawyerIds ?? null,
        b.notes !== undefined,
        b.notes ?? null,
        b.dueOn ?? null,
        b.status ?? null,
        bump,
        now,
      ],
    )
  },

  async cancel(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query(
      `UPDATE court_deadlines SET status = 'cancelled', sequence = sequence + 1, updated_at = $2 WHERE id = $1`,
      [id, now],
    )
  },
}

const ANCHOR_TABLE = { hearing: 'court_hearings', trigger: 'court_triggers', deadline: 'court_deadlines' } as const

/** The case a hearing, trigger event or deadline a new deadline would run from belongs to, or null when there is none. */
export async function anchorCaseOf(q: Queryable, type: keyof typeof ANCHOR_TABLE, id: string): Promise<string | null> {
  return (
    (await q.query<{ case_id: string }>(`SELECT case_id FROM ${ANCHOR_TABLE[type]} WHERE id = $1`, [id])).rows[0]
      ?.case_id ?? null
  )
}

/** `court_triggers`. */
export const triggersRepo = {
  /** The trigger events of a case, latest first. */
  async listOfCase(q: Queryable, caseId: string): Promise<TriggerRow[]> {
    return (
      await q.query<TriggerRow>(`${TRIGGER_SELECT} WHERE t.case_id = $1 ORDER BY t.occurred_on DESC, t.id`, [caseId])
    ).rows
  },

  async create(q: Queryable, id: string, b: TriggerCreate, createdBy: string, now: Date): Promise<void> {
    await q.query(
      'INSERT INTO court_triggers (id, case_id, kind, label, occurred_on, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
      [id, b.caseId, b.kind, b.label ?? null, b.occurredOn, createdBy, now],
    )
  },

  async update(q: Queryable, id: string, b: { label?: string | null; occurredOn?: string }, now: Date): Promise<void> {
    await q.query(
      'UPDATE court_triggers SET label = CASE WHEN $2 THEN $3 ELSE label END, occurred_on = COALESCE($4, occurred_on), updated_at = $5 WHERE id = $1',
      [id, b.label !== undefined, b.label ?? null, b.occurredOn ?? null, now],
    )
  },

  async cancel(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query(`UPDATE court_triggers SET status = 'cancelled', updated_at = $2 WHERE id = $1`, [id, now])
  },
}

/** What the agenda is filtered by. */
export interface AgendaFilter {
  user: { id: string; role: Role }
  now: Date
  /** First and last Hong Kong date, and the instants that bound them. */
  from: string
  to: string
  /** Today in Hong Kong: open deadlines before it (and before `from`) come back as overdue. */
  today: string
  startsAt: Date
  endsBefore: Date
  caseId?: string
  lawyerId?: string
  court?: string
  includeCancelled?: boolean
}

/** A member of a case as the filter options need them. */
export interface CaseMemberUser {
  id: string
  name: string
  role: Role
  active: boolean
  dingtalk_union_id: string | null
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (x) => `\\${x}`)}%`

/** Reads of the agenda and of the filter options: only cases where the caller is an active, unwalled, unexpired member. */
export const agendaRepo = {
  /** Hearings and deadlines in the window (at most 5000 of each); permission runs in SQL. */
  async window(
    q: Queryable,
    f: AgendaFilter,
  ): Promise<{ hearings: HearingRow[]; deadlines: DeadlineRow[]; overdue: DeadlineRow[] }> {
    const hp: unknown[] = [f.user.id, f.now, f.startsAt, f.endsBefore]
    const hw = [visibleCaseSql({ c: 'c', m: 'm' }, f.user.role, 1, 2), 'h.starts_at >= $3', 'h.starts_at < $4']
    const dp: unknown[] = [f.user.id, f.now, f.from, f.to]
    const dw = [visibleCaseSql({ c: 'c', m: 'm' }, f.user.role, 1, 2), 'd.due_on >= $3::date', 'd.due_on <= $4::date']
    const both = (sqlH: string, sqlD: string, v: unknown) => {
      hp.push(v)
      hw.push(sqlH.replace('?', `$${hp.length}`))
      dp.push(v)
      dw.push(sqlD.replace('?', `$${dp.length}`))
    }
    if (f.caseId) both('h.case_id = ?', 'd.case_id = ?', f.caseId)
    if (f.lawyerId) both('? = ANY(h.lawyer_ids)', '? = ANY(d.lawyer_ids)', f.lawyerId)
    // A deadline belongs to a court through the hearings of its case.
    if (f.court) {
      both(
        'h.court ILIKE ?',
        'EXISTS (SELECT 1 FROM court_hearings ch WHERE ch.case_id = d.case_id AND ch.court ILIKE ?)',
        likePattern(f.court),
      )
    }
    if (!f.includeCancelled) {
      hw.push(`h.status = 'scheduled'`)
      dw.push(`d.status <> 'cancelled'`)
    }
    const hearings = (
      await q.query<HearingRow>(
        `${HEARING_SELECT} JOIN case_members m ON m.case_id = h.case_id WHERE ${hw.join(' AND ')} ORDER BY h.starts_at, h.id LIMIT 5000`,
        hp,
      )
    ).rows
    const deadlines = (
      await q.query<DeadlineRow>(
        `${DEADLINE_SELECT} JOIN case_members m ON m.case_id = d.case_id WHERE ${dw.join(' AND ')} ORDER BY d.due_on, d.id LIMIT 5000`,
        dp,
      )
    ).rows
    return { hearings, deadlines, overdue: await agendaRepo.overdue(q, f) }
  },

  /**
   * Open deadlines whose date is before both the window and `today` (Hong Kong): what was
   * missed stays in view whatever window is asked for. Same visibility and filters as the window.
   */
  async overdue(q: Queryable, f: AgendaFilter): Promise<DeadlineRow[]> {
    const p: unknown[] = [f.user.id, f.now, f.from, f.today]
    const w = [
      visibleCaseSql({ c: 'c', m: 'm' }, f.user.role, 1, 2),
      `d.status = 'open'`,
      'd.due_on < $3::date',
      'd.due_on < $4::date',
    ]
    const add = (sql: string, v: unknown) => {
      p.push(v)
      w.push(sql.replace('?', `$${p.length}`))
    }
    if (f.caseId) add('d.case_id = ?', f.caseId)
    if (f.lawyerId) add('? = ANY(d.lawyer_ids)', f.lawyerId)
    if (f.court)
      add(
        'EXISTS (SELECT 1 FROM court_hearings ch WHERE ch.case_id = d.case_id AND ch.court ILIKE ?)',
        likePattern(f.court),
      )
    return (
      await q.query<DeadlineRow>(
        `${DEADLINE_SELECT} JOIN case_members m ON m.case_id = d.case_id WHERE ${w.join(' AND ')} ORDER BY d.due_on, d.id LIMIT 500`,
        p,
      )
    ).rows
  },

  /** The cases the caller is a visible member of, by number. */
  async visibleCases(
    q: Queryable,
    user: { id: string; role: Role },
    now: Date,
  ): Promise<{ id: string; number: string; title: string }[]> {
    const visible = visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2)
    return (
      await q.query<{ id: string; number: string; title: string }>(
        `SELECT c.id, c.number, c.title FROM cases c JOIN case_members m ON m.case_id = c.id WHERE ${visible} ORDER BY c.number`,
        [user.id, now],
      )
    ).rows
  },

  /** Every member of a case (any status), by name. */
  async caseMembers(q: Queryable, caseId: string): Promise<CaseMemberUser[]> {
    return (
      await q.query<CaseMemberUser>(
        `SELECT u.id, u.name, u.role, u.active, u.dingtalk_union_id FROM case_members m JOIN users u ON u.id = m.user_id
       WHERE m.case_id = $1 ORDER BY u.name`,
        [caseId],
      )
    ).rows
  },

  /** The courts the hearings of these cases are in. */
  async courtsOf(q: Queryable, caseIds: readonly string[]): Promise<string[]> {
    if (!caseIds.length) return []
    const { rows } = await q.query<{ court: string }>(
      'SELECT DISTINCT court FROM court_hearings WHERE case_id = ANY($1::text[]) ORDER BY court',
      [caseIds],
    )
    return rows.map((r) => r.court)
  },
}

/** What an import preview keeps until it is committed: the preview, whose calendars the hearings go to, and the format. */
export interface StoredImport {
  preview: ImportPreview
  lawyerIds: string[] | null
  source: 'ical' | 'csv' | 'cause_list'
}

/** `court_imports`: previews of imports, each readable only by the person who made it. */
export const importsRepo = {
  async save(
    q: Queryable,
    i: { id: string; userId: string; stored: StoredImport; now: Date; expiresAt: Date },
  ): Promise<void> {
    await q.query(
      'INSERT INTO court_imports (id, user_id, format, preview, created_at, expires_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)',
      [i.id, i.userId, i.stored.source, JSON.stringify(i.stored), i.now, i.expiresAt],
    )
  },

  async get(q: Queryable, id: string, userId: string): Promise<StoredImport | null> {
    const { rows } = await q.query<{ preview: StoredImport }>(
      'SELECT preview FROM court_imports WHERE id = $1 AND user_id = $2',
      [id, userId],
    )
    return rows[0]?.preview ?? null
  },

  /** The import with its state, locked until the caller's transaction ends (one commit at a time). */
  async lockForCommit(
    q: Queryable,
    id: string,
    userId: string,
  ): Promise<{ stored: StoredImport; expiresAt: Date; committedAt: Date | null } | null> {
    const r = (
      await q.query<{ preview: StoredImport; expires_at: Date; committed_at: Date | null }>(
        'SELECT preview, expires_at, committed_at FROM court_imports WHERE id = $1 AND user_id = $2 FOR UPDATE',
        [id, userId],
      )
    ).rows[0]
    return r
      ? {
          stored: r.preview,
          expiresAt: new Date(r.expires_at),
          committedAt: r.committed_at ? new Date(r.committed_at) : null,
        }
      : null
  },

  async markCommitted(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query('UPDATE court_imports SET committed_at = $2 WHERE id = $1', [id, now])
  },
}

/** The language a user reads the suite in (for a refusal written in their words). */
export async function userLocale(q: Queryable, userId: string): Promise<Locale> {
  return (
    (await q.query<{ locale: Locale }>('SELECT locale FROM users WHERE id = $1', [userId])).rows[0]?.locale ?? 'zh-HK'
  )
}
