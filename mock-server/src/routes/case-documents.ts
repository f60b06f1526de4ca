import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { keepOnlyIfRecorded } from '../storage/blob-store'
import { TimeIdCursor, readCursor } from '../http/cursor'
import {
  DocumentDetail, DocumentListQuery, DocumentMove, DocumentSummary, DocumentUpdate, DocumentUploadQuery, DocumentViewLog, ErrorBody,
  INTERNAL_ROLES, MOVE_REASON_MIN, Page, PageViewBeacon, decideMove, encodeCursor, isDowngrade, type Role, type Tier,
} from '@suite/domain'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../deps'
import { auditFor } from '../http/auth-context'
import { HttpError, forbidden, notFound } from '../http/errors'
import { enforce, membersWhoSee, openCase, openCaseFor } from '../case-room/guard'
import { appLink } from '../http/links'
import { findOfficeConverter } from '../case-room/office'
import { RenderError, createPageRenderer } from '../case-room/render'
import {
  DOC_SELECT, cleanFilename, documentRow, internalOnlyReason, openDocument, processUpload, readBlob, recordBlobs, toDocumentDetail, toDocumentSummary,
  type DocumentRow,
} from '../case-room/documents'
import { notify } from '../jobs/notify'

const Params = z.object({ caseId: z.string().min(1).max(64) })
const DocParams = Params.extend({ docId: z.string().min(1).max(64) })
const PageParams = DocParams.extend({ page: z.coerce.number().int().min(1).max(10_000) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody }
const TIER_ZH: Record<Tier, string> = { public: '公開 public', restricted: '限閱 restricted', private: '內部 private' }

/** The one file part of a multipart upload, or a 400 / 415. */
async function uploadedFile(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) throw new HttpError('unsupported_media_type', 'Send the file as multipart/form-data')
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, parts: 5 } })
  if (!part) throw new HttpError('validation_failed', 'No file in the upload', [{ path: 'file', code: 'required', message: 'Attach a file' }])
  return part
}

/**
 * Documents of a case, each in one tier. Externals reach restricted documents only as
 * server-rendered, watermarked page images; the original's bytes are served only to those the
 * permission table lets `download`. Every page shown is recorded with who, which page and
 * (through the client's beacon) for how long.
 */
export async function caseDocumentRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps
  const renderer = createPageRenderer()
  const converter = findOfficeConverter()
  // A running server loads pdf.js and the watermark font once, in the background; tests load them on first use.
  if (env.NODE_ENV !== 'test') setImmediate(() => { void renderer.warm().catch((e: unknown) => app.log.warn({ err: e }, 'page renderer warm-up failed')) })

  app.get('/api/cases/:caseId/documents', { schema: { tags: ['case-room'], params: Params, querystring: DocumentListQuery, response: { 200: Page(DocumentSummary), ...errors } } }, async (req) => {
    const { tier, q: search, limit, cursor } = req.query
    const a = await openCaseFor(db, req, req.params.caseId, deps.now(), tier, 'list')
    const params: unknown[] = [a.caseRow.id, tier]
    const where = ['d.case_id = $1', 'd.tier = $2', 'd.deleted_at IS NULL']
    if (search) { params.push(`%${search.replace(/[\\%_]/g, (x) => `\\${x}`)}%`); where.push(`(d.title ILIKE $${params.length} OR d.filename ILIKE $${params.length})`) }
    const key = readCursor(cursor, TimeIdCursor)
    if (key) { params.push(key[0], key[1]); where.push(`(d.updated_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length})`) }
    params.push(limit + 1)
    const { rows } = await db.query<DocumentRow>(`${DOC_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.updated_at DESC, d.id DESC LIMIT $${params.length}`, params)
    const items = rows.slice(0, limit)
    const last = items[items.length - 1]
    return { items: items.map(toDocumentSummary), nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.updated_at).toISOString(), last.id]) : null }
  })

  // The permission check runs before a byte of the body is read: refused uploads store nothing.
  app.post('/api/cases/:caseId/documents', { schema: { tags: ['case-room'], params: Params, querystring: DocumentUploadQuery, consumes: ['multipart/form-data'], response: { 201: DocumentSummary, ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const { tier } = req.query
    await openCaseFor(db, req, req.params.caseId, now, tier, 'upload')
    const part = await uploadedFile(req, env.UPLOAD_LIMIT_BYTES)
    const up = await processUpload(deps, renderer, converter, part.file, tier)
    const filename = cleanFilename(part.filename)
    const id = `doc-${randomUUID()}`
    // Refused now (access ended while uploading, a database error): the file must not stay on disk.
    const row = await keepOnlyIfRecorded(db, deps.blobs, up.blobs, () => db.tx(async (q) => {
      const a = await openCaseFor(q, req, req.params.caseId, now, tier, 'upload')
      await recordBlobs(q, up.blobs)
      await q.query(
        `INSERT INTO case_documents (id, case_id, tier, title, filename, mime, size, sha256, render_kind, render_sha256, page_count, uploaded_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
        [id, a.caseRow.id, tier, req.query.title || filename, filename, up.stored.mime, up.stored.size, up.stored.sha256, up.render, up.renderSha256, up.pageCount, a.auth.user.id, now],
      )
      await q.query(`INSERT INTO case_document_versions (document_id, version, sha256, filename, mime, size, uploaded_by, created_at) VALUES ($1, 1, $2, $3, $4, $5, $6, $7)`,
        [id, up.stored.sha256, filename, up.stored.mime, up.stored.size, a.auth.user.id, now])
      // A private document is the firm's business: the case's "last changed" that outsiders see must not betray it.
      if (tier !== 'private') await q.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [a.caseRow.id, now])
      await auditFor(req, q, { action: 'document.upload', targetType: 'document', targetId: id, caseId: a.caseRow.id, detail: { tier, filename, sha256: up.stored.sha256, size: up.stored.size, mime: up.stored.mime } })
      await notify(q, {
        userIds: await membersWhoSee(q, a.caseRow.id, tier, now, [a.auth.user.id]), kind: 'case.document_new', caseId: a.caseRow.id,
        title: `案件 ${a.caseRow.number}：新文件 New document`, body: `${a.auth.user.name}: ${req.query.title || filename} (${TIER_ZH[tier]})`,
        link: appLink(deps.env, 'case-room', `/cases/${a.caseRow.id}/documents/${id}`),
      })
      return (await documentRow(q, a.caseRow.id, id))!
    }))
    return reply.code(201).send(toDocumentSummary(row))
  })

  app.get('/api/cases/:caseId/documents/:docId', { schema: { tags: ['case-room'], params: DocParams, response: { 200: DocumentDetail, ...errors } } }, async (req) => {
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, deps.now(), 'view')
    return toDocumentDetail(db, doc, access)
  })

  // Only this JPEG, with the viewer's name, the Hong Kong time and the case number burned in, ever leaves for a viewer.
  app.get('/api/cases/:caseId/documents/:docId/pages/:page', { schema: { tags: ['case-room'], params: PageParams } }, async (req, reply) => {
    const now = deps.now()
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, now, 'view')
    if (doc.render_kind === 'none' || !doc.render_sha256) throw new HttpError('conflict', internalOnlyReason('none')!)
    if (req.params.page > (doc.page_count ?? 1)) throw notFound('No such page')
    const sha = doc.render_sha256
    let jpeg: Buffer
    try {
      jpeg = await renderer.render(sha, doc.render_kind, () => readBlob(deps, sha), req.params.page, { viewerName: access.auth.user.name, caseNumber: access.caseRow.number, at: now })
    } catch (e) {
      if (e instanceof RenderError && e.reason === 'no_such_page') throw notFound('No such page')
      throw e
    }
    await db.query('INSERT INTO case_document_views (document_id, case_id, viewer_id, version, page, started_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [doc.id, doc.case_id, access.auth.user.id, doc.version, req.params.page, now])
    return reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline')
      .send(jpeg)
  })

  app.get('/api/cases/:caseId/documents/:docId/original', { schema: { tags: ['case-room'], params: DocParams } }, async (req, reply) => {
    const { doc } = await openDocument(db, req, req.params.caseId, req.params.docId, deps.now(), 'download')
    const stream = await deps.blobs.get(doc.sha256)
    if (!stream) throw notFound('The file is missing from storage')
    // A download hands the file out for good: record it before the first byte leaves.
    await db.tx((q) => auditFor(req, q, { action: 'document.download', targetType: 'document', targetId: doc.id, caseId: doc.case_id, detail: { version: doc.version, sha256: doc.sha256 } }))
    return reply
      .header('content-type', doc.mime)
      .header('content-length', String(doc.size))
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${doc.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
      .send(stream)
  })

  app.patch('/api/cases/:caseId/documents/:docId', { schema: { tags: ['case-room'], params: DocParams, body: DocumentUpdate, response: { 200: DocumentDetail, ...errors } } }, async (req) => {
    const now = deps.now()
    return db.tx(async (q) => {
      const { access, doc } = await openDocument(q, req, req.params.caseId, req.params.docId, now, 'edit')
      await q.query('UPDATE case_documents SET title = COALESCE($2, title), description = COALESCE($3, description), updated_at = $4 WHERE id = $1',
        [doc.id, req.body.title ?? null, req.body.description ?? null, now])
      await auditFor(req, q, { action: 'document.edit', targetType: 'document', targetId: doc.id, caseId: doc.case_id, detail: { ...req.body } })
      return toDocumentDetail(q, (await documentRow(q, doc.case_id, doc.id))!, access)
    })
  })

  app.post('/api/cases/:caseId/documents/:docId/versions', { schema: { tags: ['case-room'], params: DocParams, consumes: ['multipart/form-data'], response: { 201: DocumentDetail, ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const pre = await openDocument(db, req, req.params.caseId, req.params.docId, now, 'edit')
    const part = await uploadedFile(req, env.UPLOAD_LIMIT_BYTES)
    const up = await processUpload(deps, renderer, converter, part.file, pre.doc.tier)
    const filename = cleanFilename(part.filename)
    const detail = await keepOnlyIfRecorded(db, deps.blobs, up.blobs, () => db.tx(async (q) => {
      const { access, doc } = await openDocument(q, req, req.params.caseId, req.params.docId, now, 'edit')
      if (doc.tier !== pre.doc.tier) throw new HttpError('conflict', 'The document moved to another area while uploading; try again')
      await recordBlobs(q, up.blobs)
      const version = doc.version + 1
      await q.query(`INSERT INTO case_document_versions (document_id, version, sha256, filename, mime, size, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [doc.id, version, up.stored.sha256, filename, up.stored.mime, up.stored.size, access.auth.user.id, now])
      await q.query(`UPDATE case_documents SET version = $2, sha256 = $3, filename = $4, mime = $5, size = $6, render_kind = $7, render_sha256 = $8, page_count = $9, updated_at = $10 WHERE id = $1`,
        [doc.id, version, up.stored.sha256, filename, up.stored.mime, up.stored.size, up.render, up.renderSha256, up.pageCount, now])
      await auditFor(req, q, { action: 'document.new_version', targetType: 'document', targetId: doc.id, caseId: doc.case_id, detail: { version, sha256: up.stored.sha256 } })
      await notify(q, {
        userIds: await membersWhoSee(q, doc.case_id, doc.tier, now, [access.auth.user.id]), kind: 'case.document_version', caseId: doc.case_id,
        title: `案件 ${access.caseRow.number}：文件已更新 New version`, body: `${access.auth.user.name}: ${doc.title} v${version}`,
        link: appLink(deps.env, 'case-room', `/cases/${doc.case_id}/documents/${doc.id}`),
      })
      return toDocumentDetail(q, (await documentRow(q, doc.case_id, doc.id))!, access)
    }))
    return reply.code(201).send(detail)
  })

  app.delete('/api/cases/:caseId/documents/:docId', { schema: { tags: ['case-room'], params: DocParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const { access, doc } = await openDocument(q, req, req.params.caseId, req.params.docId, now, 'delete')
      await q.query('UPDATE case_documents SET deleted_at = $2, deleted_by = $3 WHERE id = $1', [doc.id, now, access.auth.user.id])
      await auditFor(req, q, { action: 'document.delete', targetType: 'document', targetId: doc.id, caseId: doc.case_id, detail: { title: doc.title, tier: doc.tier } })
    })
    return reply.code(204).send(null)
  })

  // Making a document visible to more people needs a partner and a written reason; those who newly see it are told.
  app.post('/api/cases/:caseId/documents/:docId/move', { schema: { tags: ['case-room'], params: DocParams, body: DocumentMove, response: { 200: DocumentDetail, ...errors } } }, async (req) => {
    const now = deps.now()
    const { toTier } = req.body
    const reason = req.body.reason ?? ''
    return db.tx(async (q) => {
      const access = await openCase(q, req, req.params.caseId, now)
      const doc = await documentRow(q, access.caseRow.id, req.params.docId)
      if (!doc) throw notFound('Document not found')
      enforce(decideMove(access.subject, doc.tier, toTier), 'Document not found')
      if (toTier === doc.tier) throw new HttpError('validation_failed', 'The document is already in that area', [{ path: 'toTier', code: 'same_tier', message: 'Choose another area' }])
      const downgrade = isDowngrade(doc.tier, toTier)
      if (downgrade && access.auth.user.role !== 'partner') throw forbidden('Only a partner can share a document more widely')
      if (downgrade && reason.length < MOVE_REASON_MIN) {
        throw new HttpError('validation_failed', 'Write down why this document may be seen more widely', [{ path: 'reason', code: 'too_short', message: `At least ${MOVE_REASON_MIN} characters` }])
      }
      if (doc.render_kind === 'none' && toTier !== 'private') throw new HttpError('conflict', internalOnlyReason('none')!)
      const before = new Set(await membersWhoSee(q, doc.case_id, doc.tier, now))
      await q.query('UPDATE case_documents SET tier = $2, updated_at = $3 WHERE id = $1', [doc.id, toTier, now])
      await q.query('INSERT INTO case_document_moves (document_id, from_tier, to_tier, reason, moved_by, moved_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [doc.id, doc.tier, toTier, reason, access.auth.user.id, now])
      await auditFor(req, q, { action: 'document.move', targetType: 'document', targetId: doc.id, caseId: doc.case_id, detail: { from: doc.tier, to: toTier, reason, title: doc.title } })
      const gained = (await membersWhoSee(q, doc.case_id, toTier, now, [access.auth.user.id])).filter((u) => !before.has(u))
      await notify(q, {
        userIds: gained, kind: 'case.document_shared', caseId: doc.case_id,
        title: `案件 ${access.caseRow.number}：文件已與你分享 Document shared with you`, body: `${doc.title} (${TIER_ZH[toTier]})`,
        link: appLink(deps.env, 'case-room', `/cases/${doc.case_id}/documents/${doc.id}`),
      })
      return toDocumentDetail(q, (await documentRow(q, doc.case_id, doc.id))!, access)
    })
  })

  // The viewer's beacon: how long a page stayed on screen. Fills the latest open view of that page.
  app.post('/api/cases/:caseId/documents/:docId/views', { schema: { tags: ['case-room'], params: DocParams, body: PageViewBeacon, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, now, 'view')
    const { page, durationMs } = req.body
    const r = await db.query(
      `UPDATE case_document_views SET duration_ms = $4 WHERE id = (
         SELECT id FROM case_document_views WHERE document_id = $1 AND viewer_id = $2 AND page = $3 AND duration_ms IS NULL ORDER BY started_at DESC, id DESC LIMIT 1)`,
      [doc.id, access.auth.user.id, page, durationMs])
    if (!r.rowCount) throw notFound('No open view of this page')
    return reply.code(204).send(null)
  })

  app.get('/api/cases/:caseId/documents/:docId/views', { schema: { tags: ['case-room'], params: DocParams, response: { 200: DocumentViewLog, ...errors } } }, async (req) => {
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, deps.now(), 'view')
    // The firm sees who read what; a client may check who read the documents shared with them.
    if (!access.internal && access.auth.user.role !== 'client') throw forbidden('The view log is not available to you')
    // A client sees their own views and the firm's; another outsider's identity is not theirs to know.
    const { rows } = await db.query<{ viewer_id: string; name: string; role: Role; page: number; started_at: Date; duration_ms: number | null }>(
      `SELECT v.viewer_id, u.name, u.role, v.page, v.started_at, v.duration_ms FROM case_document_views v JOIN users u ON u.id = v.viewer_id
       WHERE v.document_id = $1 AND ($2::boolean OR v.viewer_id = $3 OR u.role = ANY($4::text[]))
       ORDER BY v.started_at DESC, v.id DESC LIMIT 1000`, [doc.id, access.internal, access.auth.user.id, [...INTERNAL_ROLES]])
    const viewers = new Map<string, { viewerId: string; viewerName: string; viewerRole: Role; pages: Set<number>; totalMs: number; lastViewedAt: string }>()
    for (const r of rows) {
      const v = viewers.get(r.viewer_id) ?? { viewerId: r.viewer_id, viewerName: r.name, viewerRole: r.role, pages: new Set<number>(), totalMs: 0, lastViewedAt: new Date(r.started_at).toISOString() }
      v.pages.add(r.page)
      v.totalMs += r.duration_ms ?? 0
      viewers.set(r.viewer_id, v)
    }
    return {
      items: rows.map((r) => ({ viewerId: r.viewer_id, viewerName: r.name, viewerRole: r.role, page: r.page, startedAt: new Date(r.started_at).toISOString(), durationMs: r.duration_ms })),
      viewers: [...viewers.values()].map((v) => ({ ...v, pages: [...v.pages].sort((x, y) => x - y) })),
    }
  })
}
