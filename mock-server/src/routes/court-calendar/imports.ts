import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { ImportCommitRequest, ImportCommitResult, ImportPreview, ImportPreviewRequest, type ImportRow } from '@suite/domain'
import type { App, Deps } from '../../deps'
import { auditFor, requireUser } from '../../http/auth-context'
import { HttpError, notFound } from '../../http/errors'
import { loadSubject } from '../../cases/access'
import { checkLawyers, courtAbilities } from '../../court-calendar/access'
import { itemChanged } from '../../court-calendar/changes'
import { readCauseList } from '../../court-calendar/imports/cause-list'
import { readCsv } from '../../court-calendar/imports/csv'
import { readIcal } from '../../court-calendar/imports/ical'
import { importableCases, matchRows } from '../../court-calendar/imports/match'
import { findCaseNumbers, normaliseCaseNumber, type RawHearing } from '../../court-calendar/imports/read-rows'
import { hkDate } from '../../court-calendar/time'
import { courtErrors, moveDependents } from './hearings'

const Params = z.object({ id: z.string().min(1).max(64) })
const PREVIEW_TTL_MS = 24 * 3_600_000

interface Stored { preview: ImportPreview; lawyerIds: string[] | null; source: 'ical' | 'csv' | 'cause_list' }

/**
 * Imports of hearings from an iCalendar file, a CSV export or a pasted HK Judiciary cause
 * list. `preview` reads and matches (nothing but the preview is saved); `commit` saves the
 * matched rows and the ambiguous ones the person resolved.
 */
export async function courtImportRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.post('/api/court-calendar/imports/preview', { schema: { tags: ['court-calendar'], body: ImportPreviewRequest, response: { 201: ImportPreview, ...courtErrors } } }, async (req, reply) => {
    const a = requireUser(req)
    const b = req.body
    const now = deps.now()
    let raw: RawHearing[]
    try {
      raw = b.format === 'ical' ? readIcal(b.text, b.defaultDurationMinutes)
        : b.format === 'csv' ? readCsv(b.text, b.defaultDurationMinutes)
          : readCauseList(b.text, b.date, b.defaultDurationMinutes)
    } catch (e) {
      throw new HttpError('validation_failed', `The file could not be read as ${b.format}`, [{ path: 'text', code: 'unreadable', message: (e as Error).message.slice(0, 300) }])
    }
    if (!raw.length) {
      const hint = b.format === 'cause_list' ? 'no table with a Case No. / 案件編號 header was found' : b.format === 'csv' ? 'no rows under the header' : 'no events'
      throw new HttpError('validation_failed', `Nothing to import: ${hint}`, [{ path: 'text', code: 'empty', message: hint }])
    }
    if (raw.length > 2000) throw new HttpError('validation_failed', 'At most 2000 rows per import', [{ path: 'text', code: 'too_many_rows', message: 'at most 2000 rows' }])
    const rows = await matchRows(db, raw, await importableCases(db, a.user, now))
    const counts = { matched: 0, skipped: 0, ambiguous: 0 }
    for (const r of rows) counts[r.status]++
    const id = `imp-${randomUUID()}`
    const preview: ImportPreview = { id: id as ImportPreview['id'], format: b.format, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + PREVIEW_TTL_MS).toISOString(), counts, rows }
    const stored: Stored = { preview, lawyerIds: b.lawyerIds ?? null, source: b.format }
    await db.query('INSERT INTO court_imports (id, user_id, format, preview, created_at, expires_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)',
      [id, a.user.id, b.format, JSON.stringify(stored), now, new Date(now.getTime() + PREVIEW_TTL_MS)])
    return reply.code(201).send(preview)
  })

  app.get('/api/court-calendar/imports/:id', { schema: { tags: ['court-calendar'], params: Params, response: { 200: ImportPreview, ...courtErrors } } }, async (req) => {
    const a = requireUser(req)
    const row = (await db.query<{ preview: Stored }>('SELECT preview FROM court_imports WHERE id = $1 AND user_id = $2', [req.params.id, a.user.id])).rows[0]
    if (!row) throw notFound('Import not found')
    return row.preview.preview
  })

  app.post('/api/court-calendar/imports/:id/commit', { schema: { tags: ['court-calendar'], params: Params, body: ImportCommitRequest, response: { 200: ImportCommitResult, ...courtErrors } } }, async (req) => {
    const a = requireUser(req)
    const now = deps.now()
    return db.tx(async (q) => {
      const imp = (await q.query<{ preview: Stored; expires_at: Date; committed_at: Date | null }>(
        'SELECT preview, expires_at, committed_at FROM court_imports WHERE id = $1 AND user_id = $2 FOR UPDATE', [req.params.id, a.user.id])).rows[0]
      if (!imp) throw notFound('Import not found')
      if (imp.committed_at) throw new HttpError('conflict', 'This import was already saved')
      if (new Date(imp.expires_at) < now) throw new HttpError('conflict', 'This preview has expired; read the file again')
      const { preview, lawyerIds, source } = imp.preview
      const skip = new Set(req.body.skipRows)
      const chosen = new Map(req.body.resolutions.map((r) => [r.row, r.caseId as string]))
      const todo: { row: ImportRow; caseId: string }[] = []
      for (const r of preview.rows) {
        if (skip.has(r.row) || !r.hearing) continue
        if (r.status === 'matched' && r.caseId) todo.push({ row: r, caseId: r.caseId })
        else if (r.status === 'ambiguous' && chosen.has(r.row)) {
          const caseId = chosen.get(r.row)!
          if (!r.candidates.some((c) => c.caseId === caseId)) {
            throw new HttpError('validation_failed', `Row ${r.row}: choose one of the cases it names`, [{ path: `resolutions.${r.row}`, code: 'not_a_candidate', message: 'not one of the candidates' }])
          }
          // The hearing takes the chosen matter's own number when the row names it.
          const own = r.candidates.find((c) => c.caseId === caseId)!
          const named = findCaseNumbers(r.raw).includes(normaliseCaseNumber(own.caseNumber) ?? '')
          todo.push({ row: named ? { ...r, hearing: { ...r.hearing, courtCaseNumber: own.caseNumber } } : r, caseId })
        }
      }
      const out = { created: 0, updated: 0, skipped: preview.rows.length - todo.length, hearingIds: [] as string[] }
      for (const { row, caseId } of todo) {
        const h = row.hearing!
        // Permission is checked again at save time: membership may have changed since the preview.
        if (!courtAbilities(await loadSubject(q, caseId, a.user, now)).edit) throw new HttpError('forbidden', `Row ${row.row}: you can no longer change court dates of that case`)
        const lawyers = lawyerIds ?? [a.user.id]
        await checkLawyers(q, caseId, lawyers, now)
        const existing = (await q.query<{ id: string; starts_at: Date; ends_at: Date | null; status: string }>(
          'SELECT id, starts_at, ends_at, status FROM court_hearings WHERE case_id = $1 AND external_uid = $2 FOR UPDATE', [caseId, h.externalUid])).rows[0]
        const startsAt = new Date(h.startsAt)
        const endsAt = h.endsAt ? new Date(h.endsAt) : null
        const status = h.cancelled ? 'cancelled' : 'scheduled'
        if (existing) {
          const timeChanged = new Date(existing.starts_at).getTime() !== startsAt.getTime() || (existing.ends_at ? new Date(existing.ends_at).getTime() : null) !== (endsAt?.getTime() ?? null)
          const statusChanged = existing.status !== status
          await q.query(
            `UPDATE court_hearings SET court_case_number = $2, court = $3, judge = $4, courtroom = $5, hearing_type = $6, title = $7, starts_at = $8, ends_at = $9,
               status = $10, sequence = sequence + CASE WHEN $11 THEN 1 ELSE 0 END, updated_at = $12 WHERE id = $1`,
            [existing.id, h.courtCaseNumber, h.court, h.judge, h.courtroom, h.type, h.title, startsAt, endsAt, status, timeChanged || statusChanged, now])
          await auditFor(req, q, { action: 'court.hearing.import_update', targetType: 'court_hearing', targetId: existing.id, caseId, detail: { importId: preview.id, row: row.row } })
          await itemChanged(q, 'hearing', existing.id, { timeChanged: timeChanged || (statusChanged && status === 'scheduled'), now })
          if (hkDate(existing.starts_at) !== hkDate(startsAt) || statusChanged) await moveDependents(q, req, now, 'hearing', existing.id, 'hearing_imported')
          out.updated++
          out.hearingIds.push(existing.id)
        } else {
          const id = `hr-${randomUUID()}`
          await q.query(
            `INSERT INTO court_hearings (id, case_id, court_case_number, court, judge, courtroom, hearing_type, title, starts_at, ends_at, status, lawyer_ids, source, external_uid, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
            [id, caseId, h.courtCaseNumber, h.court, h.judge, h.courtroom, h.type, h.title, startsAt, endsAt, status, lawyers, source, h.externalUid, a.user.id, now])
          await auditFor(req, q, { action: 'court.hearing.import_create', targetType: 'court_hearing', targetId: id, caseId, detail: { importId: preview.id, row: row.row } })
          await itemChanged(q, 'hearing', id, { timeChanged: status === 'scheduled', now })
          out.created++
          out.hearingIds.push(id)
        }
      }
      await q.query('UPDATE court_imports SET committed_at = $2 WHERE id = $1', [req.params.id, now])
      await auditFor(req, q, { action: 'court.import.commit', targetType: 'court_import', targetId: preview.id, detail: { format: preview.format, created: out.created, updated: out.updated, skipped: out.skipped } })
      return { ...out, hearingIds: out.hearingIds as never[] }
    })
  })
}
