import { randomUUID } from 'node:crypto'
import { courtCalendarApi as api, type ImportPreview, type ImportRow } from '@suite/domain'
import type { App, Deps } from '../../deps'
import { serve } from '../../http/endpoint'
import { auditFor, requireUser } from '../../http/auth-context'
import { HttpError, notFound } from '../../http/errors'
import { loadSubject } from '../../cases/access'
import { checkLawyers, courtAbilities } from '../access'
import { itemChanged } from '../changes'
import { readCauseList } from '../imports/cause-list'
import { readCsv } from '../imports/csv'
import { readIcal } from '../imports/ical'
import { importableCases, matchRows } from '../imports/match'
import { findCaseNumbers, normaliseCaseNumber, type RawHearing } from '../imports/read-rows'
import { recomputeDependents } from '../recompute'
import { hearingsRepo, importsRepo, type ImportedHearingWrite } from '../repo'
import { hkDate } from '../time'

const PREVIEW_TTL_MS = 24 * 3_600_000

/** A 400 naming the field at fault. */
const invalid = (message: string, path: string, code: string, detail: string) =>
  new HttpError('validation_failed', message, [{ path, code, message: detail }])

/**
 * Imports of hearings from an iCalendar file, a CSV export or a pasted HK Judiciary cause
 * list. `preview` reads and matches (nothing but the preview is saved); `commit` saves the
 * matched rows and the ambiguous ones the person resolved.
 */
export async function courtImportRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, api.previewImport, async (req) => {
    const a = requireUser(req)
    const b = req.body
    const now = deps.now()
    let raw: RawHearing[]
    try {
      raw =
        b.format === 'ical'
          ? readIcal(b.text, b.defaultDurationMinutes)
          : b.format === 'csv'
            ? readCsv(b.text, b.defaultDurationMinutes)
            : readCauseList(b.text, b.date, b.defaultDurationMinutes)
    } catch (e) {
      throw invalid(
        `The file could not be read as ${b.format}`,
        'text',
        'unreadable',
        (e as Error).message.slice(0, 300),
      )
    }
    if (!raw.length) {
      // The cause-list hint names the header the reader looks for, as it is printed (English or Chinese).
      const hint =
        b.format === 'cause_list'
          ? 'no table with a Case No. / 案件編號 header was found'
          : b.format === 'csv'
            ? 'no rows under the header'
            : 'no events'
      throw invalid(`Nothing to import: ${hint}`, 'text', 'empty', hint)
    }
    if (raw.length > 2000) throw invalid('At most 2000 rows per import', 'text', 'too_many_rows', 'at most 2000 rows')
    const rows = await matchRows(db, raw, await importableCases(db, a.user, now))
    const counts = { matched: 0, skipped: 0, ambiguous: 0 }
    for (const r of rows) counts[r.status]++
    const id = `imp-${randomUUID()}`
    const expiresAt = new Date(now.getTime() + PREVIEW_TTL_MS)
    const preview: ImportPreview = {
      id: id as ImportPreview['id'],
      format: b.format,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      counts,
      rows,
    }
    await importsRepo.save(db, {
      id,
      userId: a.user.id,
      stored: { preview, lawyerIds: b.lawyerIds ?? null, source: b.format },
      now,
      expiresAt,
    })
    return preview
  })

  serve(app, api.getImport, async (req) => {
    const a = requireUser(req)
    const stored = await importsRepo.get(db, req.params.id, a.user.id)
    if (!stored) throw notFound('Import not found')
    return stored.preview
  })

  serve(app, api.commitImport, async (req) => {
    const a = requireUser(req)
    const now = deps.now()
    return db.tx(async (q) => {
      const imp = await importsRepo.lockForCommit(q, req.params.id, a.user.id)
      if (!imp) throw notFound('Import not found')
      if (imp.committedAt) throw new HttpError('conflict', 'This import was already saved')
      if (imp.expiresAt < now) throw new HttpError('conflict', 'This preview has expired; read the file again')
      const { preview, lawyerIds, source } = imp.stored
      const skip = new Set(req.body.skipRows)
      const chosen = new Map(req.body.resolutions.map((r) => [r.row, r.caseId as string]))
      const todo: { row: ImportRow; caseId: string }[] = []
      for (const r of preview.rows) {
        if (skip.has(r.row) || !r.hearing) continue
        if (r.status === 'matched' && r.caseId) todo.push({ row: r, caseId: r.caseId })
        else if (r.status === 'ambiguous' && chosen.has(r.row)) {
          const caseId = chosen.get(r.row)!
          if (!r.candidates.some((c) => c.caseId === caseId)) {
            throw invalid(
              `Row ${r.row}: choose one of the cases it names`,
              `resolutions.${r.row}`,
              'not_a_candidate',
              'not one of the candidates',
            )
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
        if (!courtAbilities(await loadSubject(q, caseId, a.user, now)).edit) {
          throw new HttpError('forbidden', `Row ${row.row}: you can no longer change court dates of that case`)
        }
        const lawyers = lawyerIds ?? [a.user.id]
        await checkLawyers(q, caseId, lawyers, now)
        const existing = await hearingsRepo.findImported(q, caseId, h.externalUid)
        const w: ImportedHearingWrite = {
          hearing: h,
          startsAt: new Date(h.startsAt),
          endsAt: h.endsAt ? new Date(h.endsAt) : null,
          status: h.cancelled ? 'cancelled' : 'scheduled',
          now,
        }
        const detail = { importId: preview.id, row: row.row }
        if (existing) {
          const timeChanged =
            new Date(existing.starts_at).getTime() !== w.startsAt.getTime() ||
            (existing.ends_at ? new Date(existing.ends_at).getTime() : null) !== (w.endsAt?.getTime() ?? null)
          const statusChanged = existing.status !== w.status
          await hearingsRepo.replaceImported(q, existing.id, w, timeChanged || statusChanged)
          await auditFor(req, q, {
            action: 'court.hearing.import_update',
            targetType: 'court_hearing',
            targetId: existing.id,
            caseId,
            detail,
          })
          await itemChanged(q, 'hearing', existing.id, {
            timeChanged: timeChanged || (statusChanged && w.status === 'scheduled'),
            now,
          })
          if (hkDate(existing.starts_at) !== hkDate(w.startsAt) || statusChanged) {
            await recomputeDependents(q, (ev) => auditFor(req, q, ev), now, 'hearing', existing.id, 'hearing_imported')
          }
          out.updated++
          out.hearingIds.push(existing.id)
        } else {
          const id = `hr-${randomUUID()}`
          await hearingsRepo.createImported(q, id, caseId, w, { lawyerIds: lawyers, source, createdBy: a.user.id })
          await auditFor(req, q, {
            action: 'court.hearing.import_create',
            targetType: 'court_hearing',
            targetId: id,
            caseId,
            detail,
          })
          await itemChanged(q, 'hearing', id, { timeChanged: w.status === 'scheduled', now })
          out.created++
          out.hearingIds.push(id)
        }
      }
      await importsRepo.markCommitted(q, req.params.id, now)
      await auditFor(req, q, {
        action: 'court.import.commit',
        targetType: 'court_import',
        targetId: preview.id,
        detail: { format: preview.format, created: out.created, updated: out.updated, skipped: out.skipped },
      })
      return out
    })
  })
}
