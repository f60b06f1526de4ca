import {
  isUrgentReport,
  type CheckReason,
  type CheckVerdict,
  type IdentifierKind,
  type ReportNote,
  type ReportStatus,
  type SupportReport,
  type TriageQuery,
  type TriageReport,
} from '@suite/domain'
import type { Queryable } from '../db/db'
import type { TimeIdCursor } from '../http/cursor'

/** A `support_reports` row joined with reporter and assignee names and the drill's campaign id. */
export interface ReportRow {
  id: string
  idempotency_key: string
  request_hash: string
  reporter_id: string
  reporter_name: string
  department: string | null
  form_version: number
  identifier_kind: SupportReport['identifierKind']
  identifier: string
  identifier_key: string | null
  identifier_display: string
  channel: string
  claimed_identity: string
  asked_for: string[]
  complied: string
  loss_amount: number | null
  loss_currency: string | null
  occurred_on: string | Date | null
  message: string
  details: string
  platform: string
  extra: Record<string, unknown>
  verdict: SupportReport['verdict']
  reasons: CheckReason[]
  drill_id: string | null
  campaign_id: string | null
  status: SupportReport['status']
  assignee_id: string | null
  assignee_name: string | null
  duplicate_of: string | null
  resolution: string | null
  decided_at: Date | null
  reported_at: Date
  received_at: Date
  updated_at: Date
}

/** The SELECT every report read uses. */
export const REPORT_SELECT = `
  SELECT r.*, r.occurred_on::text AS occurred_on, u.name AS reporter_name, a.name AS assignee_name, d.campaign_id
  FROM support_reports r
  JOIN users u ON u.id = r.reporter_id
  LEFT JOIN users a ON a.id = r.assignee_id
  LEFT JOIN support_drills d ON d.id = r.drill_id`

const iso = (d: Date | string) => new Date(d).toISOString()
/** A `date` column as YYYY-MM-DD whichever driver read it (pg gives a local-midnight Date). */
function isoDate(d: Date | string | null): string | null {
  if (d === null) return null
  if (typeof d === 'string') return d.slice(0, 10)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Map a row and its attachments to the wire shape. */
export function toReport(r: ReportRow, attachments: SupportReport['attachments']): SupportReport {
  return {
    id: r.id as SupportReport['id'],
    status: r.status,
    identifierKind: r.identifier_kind,
    identifier: r.identifier,
    identifierKey: r.identifier_key,
    identifierDisplay: r.identifier_display,
    channel: r.channel,
    claimedIdentity: r.claimed_identity,
    askedFor: r.asked_for ?? [],
    complied: r.complied,
    lossAmount: r.loss_amount === null ? null : Number(r.loss_amount),
    lossCurrency: r.loss_currency,
    occurredOn: isoDate(r.occurred_on),
    message: r.message,
    details: r.details,
    platform: r.platform,
    extra: r.extra ?? {},
    attachments,
    verdict: r.verdict,
    reasons: r.reasons ?? [],
    formVersion: r.form_version,
    campaignId: r.campaign_id,
    reporterId: r.reporter_id,
    reporterName: r.reporter_name,
    department: r.department,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    duplicateOf: r.duplicate_of,
    resolution: r.resolution,
    urgent: isUrgentReport({ askedFor: r.asked_for ?? [], complied: r.complied, campaignId: r.campaign_id }),
    reportedAt: iso(r.reported_at),
    receivedAt: iso(r.received_at),
    updatedAt: iso(r.updated_at),
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
  }
}

/** Attachments of these reports, by report id, in their order. */
export async function attachmentsOf(q: Queryable, ids: string[]): Promise<Map<string, SupportReport['attachments']>> {
  const out = new Map<string, SupportReport['attachments']>()
  if (!ids.length) return out
  const { rows } = await q.query<{ report_id: string; sha256: string; name: string; mime: string; size: number }>(
    'SELECT report_id, sha256, name, mime, size FROM support_report_attachments WHERE report_id = ANY($1::text[]) ORDER BY report_id, position',
    [ids],
  )
  for (const a of rows) {
    const list = out.get(a.report_id) ?? []
    list.push({ id: a.sha256, name: a.name, mime: a.mime, size: Number(a.size) })
    out.set(a.report_id, list)
  }
  return out
}

async function rowsWhere(
  q: Queryable,
  where: string,
  params: unknown[],
  tail = 'ORDER BY r.received_at DESC, r.id DESC',
): Promise<ReportRow[]> {
  return (await q.query<ReportRow>(`${REPORT_SELECT} WHERE ${where} ${tail}`, params)).rows
}

async function mapped(q: Queryable, rows: ReportRow[]): Promise<SupportReport[]> {
  const att = await attachmentsOf(
    q,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toReport(r, att.get(r.id) ?? []))
}

/** Reports by SQL condition, mapped with their attachments. */
export async function loadReports(
  q: Queryable,
  where: string,
  params: unknown[],
  tail?: string,
): Promise<SupportReport[]> {
  return mapped(q, await rowsWhere(q, where, params, tail))
}

/** The same, with IT's notes (console only). */
export async function withNotes(q: Queryable, reports: SupportReport[]): Promise<TriageReport[]> {
  if (!reports.length) return []
  const { rows } = await q.query<{
    id: number
    report_id: string
    author_id: string
    author_name: string
    body: string
    created_at: Date
  }>(
    `SELECT n.id, n.report_id, n.author_id, u.name AS author_name, n.body, n.created_at FROM support_report_notes n
     JOIN users u ON u.id = n.author_id WHERE n.report_id = ANY($1::text[]) ORDER BY n.id`,
    [reports.map((r) => r.id)],
  )
  const notes = new Map<string, ReportNote[]>()
  for (const n of rows) {
    const list = notes.get(n.report_id) ?? []
    list.push({
      id: n.id,
      reportId: n.report_id,
      authorId: n.author_id,
      authorName: n.author_name,
      body: n.body,
      createdAt: iso(n.created_at),
    })
    notes.set(n.report_id, list)
  }
  return reports.map((r) => ({ ...r, notes: notes.get(r.id) ?? [] }))
}

/** A stored screenshot a report may name. */
export interface UploadRow {
  sha256: string
  mime: string
  size: number
}

/** A screenshot as a report names it, in the order the reporter gave. */
export interface ReportFile {
  id: string
  name: string
  mime: string
  size: number
}

/** A report to store: what the check read and what the form gave, as the columns want them. */
export interface NewReport {
  id: string
  idempotencyKey: string
  requestHash: string
  reporterId: string
  department: string | null
  formVersion: number
  identifierKind: IdentifierKind
  identifier: string
  identifierKey: string | null
  identifierDisplay: string
  channel: string
  claimedIdentity: string
  askedFor: string[]
  complied: string
  lossAmount: number | null
  lossCurrency: string | null
  occurredOn: string | null
  message: string
  details: string
  platform: string
  extra: Record<string, unknown>
  verdict: CheckVerdict
  reasons: CheckReason[]
  drillId: string | null
  reportedAt: string
  receivedAt: Date
}

/** Reports as their reporters send them: screenshots, the report itself, the reporter's list. */
export const reportsRepo = {
  async byId(q: Queryable, id: string): Promise<SupportReport | null> {
    return (await loadReports(q, 'r.id = $1', [id]))[0] ?? null
  },

  /** The report stored under an `Idempotency-Key`, with who sent it and the hash of what they sent. */
  async byKey(
    q: Queryable,
    key: string,
  ): Promise<{ report: SupportReport; reporterId: string; requestHash: string } | null> {
    const [row] = await rowsWhere(q, 'r.idempotency_key = $1', [key])
    if (!row) return null
    const [report] = await mapped(q, [row])
    return { report: report!, reporterId: row.reporter_id, requestHash: row.request_hash }
  },

  async keyTaken(q: Queryable, key: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM support_reports WHERE idempotency_key = $1', [key])).rows.length > 0
  },

  /** Who sent a report; null when there is no such report. */
  async reporterOf(q: Queryable, id: string): Promise<string | null> {
    return (
      (await q.query<{ reporter_id: string }>('SELECT reporter_id FROM support_reports WHERE id = $1', [id])).rows[0]
        ?.reporter_id ?? null
    )
  },

  /** The reporter's reports, newest first, after a (received_at, id) cursor; `take` rows at most. */
  async listMine(
    q: Queryable,
    f: { reporterId: string; after: TimeIdCursor | null; take: number },
  ): Promise<SupportReport[]> {
    const params: unknown[] = [f.reporterId]
    let where = 'r.reporter_id = $1'
    if (f.after) {
      params.push(f.after[0], f.after[1])
      where += ' AND (r.received_at, r.id) < ($2::timestamptz, $3)'
    }
    params.push(f.take)
    return loadReports(q, where, params, `ORDER BY r.received_at DESC, r.id DESC LIMIT $${params.length}`)
  },

  /** Record a stored screenshot and who uploaded it (once each). */
  async recordUpload(q: Queryable, blob: UploadRow, uploaderId: string, now: Date): Promise<void> {
    await q.query('INSERT INTO blobs (sha256, size, mime) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [
      blob.sha256,
      blob.size,
      blob.mime,
    ])
    await q.query(
      'INSERT INTO support_uploads (sha256, uploader_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [blob.sha256, uploaderId, now],
    )
  },

  /** Of these screenshots, those the user uploaded, with their stored type and size. */
  async uploadsOf(q: Queryable, uploaderId: string, shas: string[]): Promise<UploadRow[]> {
    return (
      await q.query<UploadRow>(
        'SELECT b.sha256, b.mime, b.size FROM support_uploads s JOIN blobs b ON b.sha256 = s.sha256 WHERE s.uploader_id = $1 AND s.sha256 = ANY($2::text[])',
        [uploaderId, shas],
      )
    ).rows
  },

  /** Store a report with its screenshots; false when another report already holds its key (nothing is stored then). */
  async create(q: Queryable, r: NewReport, files: ReportFile[]): Promise<boolean> {
    const ins = await q.query(
      `INSERT INTO support_reports (id, idempotency_key, request_hash, reporter_id, department, form_version, identifier_kind, identifier,
         identifier_key, identifier_display, channel, claimed_identity, asked_for, complied, loss_amount, loss_currency, occurred_on,
         message, details, platform, extra, verdict, reasons, drill_id, reported_at, received_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::text[],$14,$15,$16,$17,$18,$19,$20,$21::jsonb,$22,$23::jsonb,$24,$25,$26,$26)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        r.id,
        r.idempotencyKey,
        r.requestHash,
        r.reporterId,
        r.department,
        r.formVersion,
        r.identifierKind,
        r.identifier,
        r.identifierKey,
        r.identifierDisplay,
        r.channel,
        r.claimedIdentity,
        r.askedFor,
        r.complied,
        r.lossAmount,
        r.lossCurrency,
        r.occurredOn,
        r.message,
        r.details,
        r.platform,
        JSON.stringify(r.extra),
        r.verdict,
        JSON.stringify(r.reasons),
        r.drillId,
        r.reportedAt,
        r.receivedAt,
      ],
    )
    if (!ins.rows.length) return false
    for (const [i, s] of files.entries()) {
      await q.query(
        'INSERT INTO support_report_attachments (report_id, sha256, name, mime, size, position) VALUES ($1, $2, $3, $4, $5, $6)',
        [r.id, s.id, s.name, s.mime, s.size, i],
      )
    }
    return true
  },

  /** Active IT administrators: who is alerted when a reporter complied. */
  async itAdminIds(q: Queryable): Promise<string[]> {
    return (await q.query<{ id: string }>("SELECT id FROM users WHERE role = 'it_admin' AND active")).rows.map(
      (r) => r.id,
    )
  },
}

/** A report as a triage action reads it, locked for the action. */
export interface TriageTarget {
  id: string
  status: string
  reporter_id: string
  identifier_kind: IdentifierKind
  identifier_key: string | null
  identifier_display: string
}

/** The queue's filters as SQL. Drill reports never enter it. */
function queueWhere(f: Pick<TriageQuery, 'status' | 'assigneeId' | 'q'>): { where: string; params: unknown[] } {
  const params: unknown[] = []
  const where = ['r.drill_id IS NULL']
  if (f.status) {
    params.push(f.status)
    where.push(`r.status = $${params.length}`)
  }
  if (f.assigneeId) {
    params.push(f.assigneeId)
    where.push(`r.assignee_id = $${params.length}`)
  }
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`)
    const p = `$${params.length}`
    where.push(
      `(r.identifier ILIKE ${p} OR r.identifier_key ILIKE ${p} OR r.identifier_display ILIKE ${p} OR r.message ILIKE ${p})`,
    )
  }
  return { where: where.join(' AND '), params }
}

/** IT's triage: the queue, assignment, notes and verdicts. */
export const triageRepo = {
  /** Reports of the queue matching the filters, newest first; all of them unless `limit` is given. */
  async queue(
    q: Queryable,
    f: Pick<TriageQuery, 'status' | 'assigneeId' | 'q'>,
    limit?: number,
  ): Promise<SupportReport[]> {
    const { where, params } = queueWhere(f)
    return loadReports(
      q,
      where,
      params,
      `ORDER BY r.received_at DESC, r.id DESC${limit === undefined ? '' : ` LIMIT ${Math.trunc(limit)}`}`,
    )
  },

  /** These reports of the queue, locked for the action (drill reports are not among them). */
  async lock(q: Queryable, ids: string[]): Promise<TriageTarget[]> {
    return (
      await q.query<TriageTarget>(
        'SELECT id, status, reporter_id, identifier_kind, identifier_key, identifier_display FROM support_reports WHERE id = ANY($1::text[]) AND drill_id IS NULL FOR UPDATE',
        [ids],
      )
    ).rows
  },

  /** Whether a report of the queue exists (the original of duplicates). */
  async inQueue(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM support_reports WHERE id = $1 AND drill_id IS NULL', [id])).rows.length > 0
  },

  /** Whether reports may be assigned to this user: active IT or compliance staff. */
  async assignable(q: Queryable, userId: string): Promise<boolean> {
    return (
      (
        await q.query("SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('it_admin','compliance_officer')", [
          userId,
        ])
      ).rows.length > 0
    )
  },

  async assign(q: Queryable, ids: string[], assigneeId: string | null, now: Date): Promise<void> {
    await q.query('UPDATE support_reports SET assignee_id = $2, updated_at = $3 WHERE id = ANY($1::text[])', [
      ids,
      assigneeId,
      now,
    ])
  },

  /** The same note on each report. */
  async addNote(q: Queryable, ids: string[], authorId: string, body: string, now: Date): Promise<void> {
    for (const id of ids)
      await q.query(
        'INSERT INTO support_report_notes (report_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)',
        [id, authorId, body, now],
      )
    await q.query('UPDATE support_reports SET updated_at = $2 WHERE id = ANY($1::text[])', [ids, now])
  },

  /** Set a status; a final one records the resolution and who decided, any other clears the decision. */
  async setStatus(
    q: Queryable,
    ids: string[],
    s: {
      status: ReportStatus
      final: boolean
      resolution: string | null
      decidedBy: string
      duplicateOf: string | null
      now: Date
    },
  ): Promise<void> {
    await q.query(
      `UPDATE support_reports SET status = $2, updated_at = $3, resolution = CASE WHEN $4 THEN $5 ELSE resolution END,
         decided_by = CASE WHEN $4 THEN $6 ELSE NULL END, decided_at = CASE WHEN $4 THEN $3::timestamptz ELSE NULL END,
         duplicate_of = $7 WHERE id = ANY($1::text[])`,
      [ids, s.status, s.now, s.final, s.resolution, s.decidedBy, s.duplicateOf],
    )
  },
}
