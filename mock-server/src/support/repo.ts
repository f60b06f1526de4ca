import type { CheckReason, ReportNote, SupportReport, TriageReport } from '@suite/domain'
import type { Queryable } from '../db/db'

/** A `support_reports` row joined with reporter and assignee names and the drill's campaign id. */
export interface ReportRow {
  id: string; idempotency_key: string; request_hash: string; reporter_id: string; reporter_name: string; department: string | null
  form_version: number; identifier_kind: SupportReport['identifierKind']; identifier: string; identifier_key: string | null
  identifier_display: string; channel: string; claimed_identity: string; asked_for: string[]; complied: string
  loss_amount: number | null; loss_currency: string | null; occurred_on: string | Date | null; message: string; details: string
  platform: string; extra: Record<string, unknown>; verdict: SupportReport['verdict']; reasons: CheckReason[]
  drill_id: string | null; campaign_id: string | null; status: SupportReport['status']; assignee_id: string | null
  assignee_name: string | null; duplicate_of: string | null; resolution: string | null; decided_at: Date | null
  reported_at: Date; received_at: Date; updated_at: Date
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
    id: r.id as SupportReport['id'], status: r.status, identifierKind: r.identifier_kind, identifier: r.identifier,
    identifierKey: r.identifier_key, identifierDisplay: r.identifier_display, channel: r.channel, claimedIdentity: r.claimed_identity,
    askedFor: r.asked_for ?? [], complied: r.complied, lossAmount: r.loss_amount === null ? null : Number(r.loss_amount),
    lossCurrency: r.loss_currency, occurredOn: isoDate(r.occurred_on), message: r.message, details: r.details, platform: r.platform,
    extra: r.extra ?? {}, attachments, verdict: r.verdict, reasons: r.reasons ?? [], formVersion: r.form_version,
    campaignId: r.campaign_id, reporterId: r.reporter_id, reporterName: r.reporter_name, department: r.department,
    assigneeId: r.assignee_id, assigneeName: r.assignee_name, duplicateOf: r.duplicate_of, resolution: r.resolution,
    reportedAt: iso(r.reported_at), receivedAt: iso(r.received_at), updatedAt: iso(r.updated_at), decidedAt: r.decided_at ? iso(r.decided_at) : null,
  }
}

/** Attachments of these reports, by report id, in their order. */
export async function attachmentsOf(q: Queryable, ids: string[]): Promise<Map<string, SupportReport['attachments']>> {
  const out = new Map<string, SupportReport['attachments']>()
  if (!ids.length) return out
  const { rows } = await q.query<{ report_id: string; sha256: string; name: string; mime: string; size: number }>(
    'SELECT report_id, sha256, name, mime, size FROM support_report_attachments WHERE report_id = ANY($1::text[]) ORDER BY report_id, position', [ids])
  for (const a of rows) {
    const list = out.get(a.report_id) ?? []
    list.push({ id: a.sha256, name: a.name, mime: a.mime, size: Number(a.size) })
    out.set(a.report_id, list)
  }
  return out
}

/** Reports by SQL condition, mapped with their attachments. */
export async function loadReports(q: Queryable, where: string, params: unknown[], tail = 'ORDER BY r.received_at DESC, r.id DESC'): Promise<SupportReport[]> {
  const { rows } = await q.query<ReportRow>(`${REPORT_SELECT} WHERE ${where} ${tail}`, params)
  const att = await attachmentsOf(q, rows.map((r) => r.id))
  return rows.map((r) => toReport(r, att.get(r.id) ?? []))
}

/** The same, with IT's notes (console only). */
export async function withNotes(q: Queryable, reports: SupportReport[]): Promise<TriageReport[]> {
  if (!reports.length) return []
  const { rows } = await q.query<{ id: number; report_id: string; author_id: string; author_name: string; body: string; created_at: Date }>(
    `SELECT n.id, n.report_id, n.author_id, u.name AS author_name, n.body, n.created_at FROM support_report_notes n
     JOIN users u ON u.id = n.author_id WHERE n.report_id = ANY($1::text[]) ORDER BY n.id`, [reports.map((r) => r.id)])
  const notes = new Map<string, ReportNote[]>()
  for (const n of rows) {
    const list = notes.get(n.report_id) ?? []
    list.push({ id: n.id, reportId: n.report_id, authorId: n.author_id, authorName: n.author_name, body: n.body, createdAt: iso(n.created_at) })
    notes.set(n.report_id, list)
  }
  return reports.map((r) => ({ ...r, notes: notes.get(r.id) ?? [] }))
}
