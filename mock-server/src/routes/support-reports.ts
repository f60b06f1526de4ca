import { Readable } from 'node:stream'
import { z } from 'zod'
import { TimeIdCursor, readCursor } from '../http/cursor'
import {
  AttachmentUploaded, CheckAnswer, CheckListsSnapshot, CheckRequest, ErrorBody, IdempotencyKey, MyReportsQuery, Page, ReportSubmission,
  SupportReport, encodeCursor, type IdentifierKind,
} from '@suite/domain'
import { validateSubmission, type FileRef } from '@suite/forms'
import type { App, Deps } from '../deps'
import { auditFor, requireStaff as requireStaffOf } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { BlobTooLargeError, discardUnrecorded } from '../storage/blob-store'
import { notify } from '../jobs/notify'
import { reportForm } from '../support/form'
import { hashOf, newId } from '../support/ids'
import { loadCheckLists, runCheck } from '../support/lists'
import { drillThanksText, urgentText } from '../support/messages'
import { attachmentsOf, loadReports } from '../support/repo'
import { appLink } from '../http/links'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif'])
const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024

const requireStaff = (req: Parameters<typeof requireStaffOf>[0]) => requireStaffOf(req, 'Reporting is for the firm\'s staff')

/** What a reporter may read: their own reports; IT and compliance read all. */
const canReadAll = (role: string) => role === 'it_admin' || role === 'compliance_officer'

/**
 * Reports of suspicious contacts: the instant check, screenshots, creating a report exactly
 * once per `Idempotency-Key`, and the reporter's own list.
 */
export async function supportReportRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/support/check-lists', { schema: { tags: ['support'], response: { 200: CheckListsSnapshot, ...errors } } }, async (req) => {
    requireStaff(req)
    const lists = await loadCheckLists(deps.db)
    return { official: lists.official.map((e) => ({ kind: e.kind, value: e.value, label: e.label ?? '' })), knownScams: lists.knownScams.map((e) => ({ kind: e.kind, value: e.value })), updatedAt: lists.updatedAt.toISOString() }
  })

  app.post('/api/support/check', { schema: { tags: ['support'], body: CheckRequest, response: { 200: CheckAnswer, ...errors } } }, async (req) => {
    requireStaff(req)
    const r = runCheck(req.body.identifier, req.body.kind, req.body.claimedIdentity, await loadCheckLists(deps.db))
    return {
      verdict: r.verdict, kind: r.kind, identifierKey: r.identifier?.key ?? null, display: r.identifier?.display ?? null,
      reasons: r.reasons, matchLabel: r.match?.label ?? null, scameterUrl: r.scameterUrl,
    }
  })

  // Screenshots arrive as the raw image body; the content's SHA-256 becomes its id.
  await app.register(async (scope) => {
    scope.addContentTypeParser(/^image\//, (_req, payload, done) => done(null, payload))
    scope.post('/api/support/attachments', { bodyLimit: MAX_SCREENSHOT_BYTES, schema: { tags: ['support'], response: { 201: AttachmentUploaded, ...errors } } }, async (req, reply) => {
      const { user } = requireStaff(req)
      // Only an image/* body reaches here as a stream; none, JSON or form data is refused.
      if (!(req.body instanceof Readable)) throw new HttpError('unsupported_media_type', 'Send the screenshot as the request body with an image/* content type')
      let stored
      try {
        stored = await deps.blobs.put(req.body, MAX_SCREENSHOT_BYTES)
      } catch (e) {
        if (e instanceof BlobTooLargeError) throw new HttpError('payload_too_large', 'A screenshot may be at most 5 MB')
        throw e
      }
      if (!IMAGE_TYPES.has(stored.mime)) {
        await discardUnrecorded(deps.db, deps.blobs, [stored])
        throw new HttpError('unsupported_media_type', 'Screenshots must be PNG, JPEG, WebP or GIF images')
      }
      await deps.db.tx(async (q) => {
        await q.query('INSERT INTO blobs (sha256, size, mime) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [stored.sha256, stored.size, stored.mime])
        await q.query('INSERT INTO support_uploads (sha256, uploader_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [stored.sha256, user.id, deps.now()])
      })
      return reply.code(201).send({ id: stored.sha256, size: stored.size, mime: stored.mime })
    })
  })

  app.post('/api/support/reports', {
    schema: { tags: ['support'], body: ReportSubmission, headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(), response: { 200: SupportReport, 201: SupportReport, ...errors } },
  }, async (req, reply) => {
    const { user } = requireStaff(req)
    const key = IdempotencyKey.safeParse(req.headers['idempotency-key'])
    if (!key.success) {
      throw new HttpError('bad_request', 'Send each report with an Idempotency-Key header (8-128 letters, digits, - or _)',
        [{ path: 'headers.idempotency-key', code: 'required', message: 'Idempotency-Key is required' }])
    }
    const requestHash = hashOf(req.body)
    const replay = async (): Promise<SupportReport> => {
      const [existing] = await loadReports(deps.db, 'r.idempotency_key = $1', [key.data])
      const row = existing && (await deps.db.query<{ reporter_id: string; request_hash: string }>('SELECT reporter_id, request_hash FROM support_reports WHERE id = $1', [existing.id])).rows[0]
      if (!existing || !row) throw new HttpError('internal', 'The report was not found after a conflicting insert')
      if (row.reporter_id !== user.id || row.request_hash !== requestHash) {
        throw new HttpError('conflict', 'This Idempotency-Key was already used for a different report; send a new report with a new key')
      }
      reply.header('idempotent-replayed', 'true')
      return existing
    }
    // A retry of a report that arrived: answer with it, do nothing else.
    if ((await deps.db.query('SELECT 1 FROM support_reports WHERE idempotency_key = $1', [key.data])).rows.length) return reply.code(200).send(await replay())

    // The version the device rendered, from the low-code store (every published version is kept).
    const form = await reportForm(deps.db, req.body.formVersion)
    if (!form) throw new HttpError('validation_failed', 'This version of the form is unknown', [{ path: 'formVersion', code: 'unknown_version', message: 'Unknown form version' }])
    const checked = validateSubmission(form.schema, req.body.values)
    if (!checked.ok) throw new HttpError('validation_failed', 'Some fields are not valid', checked.errors.map((e) => ({ ...e, path: `values.${e.path}` })))
    const v = checked.values
    const shots = (v.screenshots as FileRef[] | undefined) ?? []
    if (shots.length) {
      const { rows } = await deps.db.query<{ sha256: string; mime: string; size: number }>(
        'SELECT b.sha256, b.mime, b.size FROM support_uploads s JOIN blobs b ON b.sha256 = s.sha256 WHERE s.uploader_id = $1 AND s.sha256 = ANY($2::text[])',
        [user.id, shots.map((s) => s.id)])
      const missing = shots.findIndex((s) => !rows.some((r) => r.sha256 === s.id))
      if (missing >= 0) throw new HttpError('validation_failed', 'A screenshot has not been uploaded', [{ path: `values.screenshots.${missing}`, code: 'not_uploaded', message: 'Upload the file before sending the report' }])
      for (const s of shots) { const r = rows.find((x) => x.sha256 === s.id)!; s.mime = r.mime; s.size = Number(r.size) }
    }

    const kind = v.identifierKind as IdentifierKind
    const identifier = String(v.identifier)
    const check = runCheck(identifier, kind, String(v.claimedIdentity), await loadCheckLists(deps.db))
    const baseNames = new Set(['identifierKind', 'identifier', 'platform', 'channel', 'claimedIdentity', 'askedFor', 'complied', 'lossAmount', 'lossCurrency', 'occurredOn', 'message', 'details', 'screenshots'])
    const extra = Object.fromEntries(Object.entries(v).filter(([k]) => !baseNames.has(k)))
    const now = deps.now()

    const outcome = await deps.db.tx(async (q) => {
      // A report of a drill's lure by someone the drill was sent to counts for the drill.
      const drill = check.identifier ? (await q.query<{ id: string; campaign_id: string }>(
        `SELECT d.id, d.campaign_id FROM support_drills d JOIN support_drill_targets t ON t.drill_id = d.id
         WHERE d.status = 'sent' AND d.lure_key = $1 AND t.user_id = $2 ORDER BY d.sent_at DESC LIMIT 1`, [check.identifier.key, user.id])).rows[0] : undefined
      const id = newId('rep')
      const ins = await q.query(
        `INSERT INTO support_reports (id, idempotency_key, request_hash, reporter_id, department, form_version, identifier_kind, identifier,
           identifier_key, identifier_display, channel, claimed_identity, asked_for, complied, loss_amount, loss_currency, occurred_on,
           message, details, platform, extra, verdict, reasons, drill_id, reported_at, received_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13::text[],$14,$15,$16,$17,$18,$19,$20,$21::jsonb,$22,$23::jsonb,$24,$25,$26,$26)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        // The kind the check read (a `tel:` link picked as a web address is a phone), so kind and key agree.
        [id, key.data, requestHash, user.id, user.department, form.version, check.kind, identifier, check.identifier?.key ?? null,
          check.identifier?.display ?? identifier, v.channel, v.claimedIdentity, (v.askedFor as string[] | undefined) ?? [], v.complied,
          v.lossAmount ?? null, v.lossCurrency ?? null, v.occurredOn ?? null, v.message ?? '', v.details ?? '', v.platform ?? '',
          JSON.stringify(extra), check.verdict, JSON.stringify(check.reasons), drill?.id ?? null, req.body.reportedAt, now],
      )
      // Another request with the same key committed first: this one changes nothing.
      if (!ins.rows.length) return null
      for (const [i, s] of shots.entries()) {
        await q.query('INSERT INTO support_report_attachments (report_id, sha256, name, mime, size, position) VALUES ($1, $2, $3, $4, $5, $6)', [id, s.id, s.name, s.mime, s.size, i])
      }
      const display = check.identifier?.display ?? identifier
      if (drill) {
        await q.query('UPDATE support_drill_targets SET reported_at = $3 WHERE drill_id = $1 AND user_id = $2 AND reported_at IS NULL', [drill.id, user.id, now])
        const text = drillThanksText(user.locale, { display, campaign: drill.campaign_id })
        await notify(q, { userIds: [user.id], kind: 'support.drill_reported', ...text, link: appLink(deps.env, 'support-report', `/reports/${id}`), dedupeKey: `support-drill-thanks:${drill.id}:${user.id}` })
      } else if (v.complied === 'yes' || v.complied === 'partly') {
        const admins = (await q.query<{ id: string; locale: 'zh-HK' | 'zh-CN' | 'en' }>("SELECT id, locale FROM users WHERE role = 'it_admin' AND active")).rows
        for (const locale of new Set(admins.map((a) => a.locale))) {
          const text = urgentText(locale, { reporter: user.name, display, complied: String(v.complied) })
          await notify(q, { userIds: admins.filter((a) => a.locale === locale).map((a) => a.id), kind: 'support.urgent', ...text, link: appLink(deps.env, 'support-report', '/console') })
        }
      }
      await auditFor(req, q, {
        action: 'support.report.create', targetType: 'support_report', targetId: id,
        detail: { identifierKey: check.identifier?.key ?? null, verdict: check.verdict, complied: v.complied, screenshots: shots.length, campaignId: drill?.campaign_id ?? null, formVersion: form.version },
      })
      return id
    })
    if (outcome === null) return reply.code(200).send(await replay())
    const [created] = await loadReports(deps.db, 'r.id = $1', [outcome])
    return reply.code(201).send(created!)
  })

  app.get('/api/support/reports/mine', { schema: { tags: ['support'], querystring: MyReportsQuery, response: { 200: Page(SupportReport), ...errors } } }, async (req) => {
    const { user } = requireStaff(req)
    const params: unknown[] = [user.id]
    let where = 'r.reporter_id = $1'
    const cursor = readCursor(req.query.cursor, TimeIdCursor)
    if (cursor) {
      params.push(cursor[0], cursor[1])
      where += ` AND (r.received_at, r.id) < ($2::timestamptz, $3)`
    }
    params.push(req.query.limit + 1)
    const rows = await loadReports(deps.db, where, params, `ORDER BY r.received_at DESC, r.id DESC LIMIT $${params.length}`)
    const items = rows.slice(0, req.query.limit)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > req.query.limit && last ? encodeCursor([last.receivedAt, last.id]) : null }
  })

  app.get('/api/support/reports/:id', { schema: { tags: ['support'], params: z.object({ id: z.string().max(64) }), response: { 200: SupportReport, ...errors } } }, async (req) => {
    const { user } = requireStaff(req)
    const [r] = await loadReports(deps.db, 'r.id = $1', [req.params.id])
    // Someone else's report does not exist, as far as a reporter can tell.
    if (!r || (r.reporterId !== user.id && !canReadAll(user.role))) throw notFound('Report not found')
    return r
  })

  app.get('/api/support/reports/:id/attachments/:sha', { schema: { tags: ['support'], params: z.object({ id: z.string().max(64), sha: z.string().regex(/^[0-9a-f]{64}$/) }) } }, async (req, reply) => {
    const { user } = requireStaff(req)
    const r = (await deps.db.query<{ reporter_id: string }>('SELECT reporter_id FROM support_reports WHERE id = $1', [req.params.id])).rows[0]
    if (!r || (r.reporter_id !== user.id && !canReadAll(user.role))) throw notFound('Report not found')
    const att = (await attachmentsOf(deps.db, [req.params.id])).get(req.params.id)?.find((a) => a.id === req.params.sha)
    const stream = att ? await deps.blobs.get(att.id) : null
    if (!att || !stream) throw notFound('Screenshot not found')
    reply.header('content-type', att.mime).header('content-disposition', 'inline').header('cache-control', 'private, max-age=3600')
    return reply.send(stream)
  })
}
