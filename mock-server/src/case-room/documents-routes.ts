import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import {
  INTERNAL_ROLES,
  MOVE_REASON_MIN,
  caseRoomApi,
  decideMove,
  encodeCursor,
  isDowngrade,
  type Role,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import { keepOnlyIfRecorded } from '../storage/blob-store'
import { TimeIdCursor, readCursor } from '../http/cursor'
import { serve } from '../http/endpoint'
import { auditFor } from '../http/auth-context'
import { HttpError, forbidden, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { notifyEach } from '../jobs/notify'
import { enforce, membersWhoSee, openCase, openCaseFor } from './guard'
import { findOfficeConverter } from './office'
import { RenderError, createPageRenderer } from './render'
import {
  cleanFilename,
  internalOnlyReason,
  openDocument,
  processUpload,
  readBlob,
  toDocumentDetail,
  toDocumentSummary,
  type ProcessedUpload,
} from './documents'
import { documentsRepo, type StoredFile } from './documents-repo'
import { caseRoomText, tierName } from './messages'
import { touchCase } from './timeline-repo'

/** The one file part of a multipart upload, or a 400 / 415. */
async function uploadedFile(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) throw new HttpError('unsupported_media_type', 'Send the file as multipart/form-data')
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, parts: 5 } })
  if (!part)
    throw new HttpError('validation_failed', 'No file in the upload', [
      { path: 'file', code: 'required', message: 'Attach a file' },
    ])
  return part
}

/** What a processed upload stores as a version. */
const storedFile = (filename: string, up: ProcessedUpload): StoredFile => ({
  filename,
  mime: up.stored.mime,
  size: up.stored.size,
  sha256: up.stored.sha256,
  render: up.render,
  renderSha256: up.renderSha256,
  pageCount: up.pageCount,
})

/** A safe `content-disposition` for a download of `filename`. */
const attachment = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`

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
  const documentLink = (caseId: string, docId: string) =>
    appLink(deps.env, 'case-room', `/cases/${caseId}/documents/${docId}`)
  // A running server loads pdf.js and the watermark font once, in the background; tests load them on first use.
  if (env.NODE_ENV !== 'test') {
    setImmediate(() => {
      void renderer.warm().catch((e: unknown) => app.log.warn({ err: e }, 'page renderer warm-up failed'))
    })
  }

  serve(app, caseRoomApi.documents.list, async (req) => {
    const { tier, q: search, limit, cursor } = req.query
    const a = await openCaseFor(db, req, req.params.caseId, deps.now(), tier, 'list')
    const rows = await documentsRepo.list(db, {
      caseId: a.caseRow.id,
      tier,
      q: search,
      after: readCursor(cursor, TimeIdCursor),
      take: limit + 1,
    })
    const items = rows.slice(0, limit)
    const last = items[items.length - 1]
    return {
      items: items.map(toDocumentSummary),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.updated_at).toISOString(), last.id]) : null,
    }
  })

  // The permission check runs before a byte of the body is read: refused uploads store nothing.
  serve(app, caseRoomApi.documents.upload, async (req) => {
    const now = deps.now()
    const { tier } = req.query
    await openCaseFor(db, req, req.params.caseId, now, tier, 'upload')
    const part = await uploadedFile(req, env.UPLOAD_LIMIT_BYTES)
    const up = await processUpload(deps, renderer, converter, part.file, tier)
    const filename = cleanFilename(part.filename)
    const title = req.query.title || filename
    const id = `doc-${randomUUID()}`
    // Refused now (access ended while uploading, a database error): the file must not stay on disk.
    const row = await keepOnlyIfRecorded(db, deps.blobs, up.blobs, () =>
      db.tx(async (q) => {
        const a = await openCaseFor(q, req, req.params.caseId, now, tier, 'upload')
        await documentsRepo.recordBlobs(q, up.blobs)
        await documentsRepo.create(q, {
          id,
          caseId: a.caseRow.id,
          tier,
          title,
          file: storedFile(filename, up),
          uploadedBy: a.auth.user.id,
          now,
        })
        // A private document is the firm's business: the case's "last changed" that outsiders see must not betray it.
        if (tier !== 'private') await touchCase(q, a.caseRow.id, now)
        await auditFor(req, q, {
          action: 'document.upload',
          targetType: 'document',
          targetId: id,
          caseId: a.caseRow.id,
          detail: {
            tier,
            filename,
            sha256: up.stored.sha256,
            size: up.stored.size,
            mime: up.stored.mime,
            notified: req.query.notify,
          },
        })
        // Told only when the uploader asks: a batch of files, or a draft not ready to be read, goes quietly.
        if (req.query.notify)
          await notifyEach(q, {
            userIds: await membersWhoSee(q, a.caseRow.id, tier, now, [a.auth.user.id]),
            kind: 'case.document_new',
            caseId: a.caseRow.id,
            link: documentLink(a.caseRow.id, id),
            text: (l) =>
              caseRoomText(l, 'documentNew', {
                number: a.caseRow.number,
                actor: a.auth.user.name,
                title,
                tier: tierName(l, tier),
              }),
          })
        return (await documentsRepo.find(q, a.caseRow.id, id))!
      }),
    )
    return toDocumentSummary(row)
  })

  serve(app, caseRoomApi.documents.get, async (req) => {
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, deps.now(), 'view')
    return toDocumentDetail(db, doc, access)
  })

  // Only this JPEG, with the viewer's name, the Hong Kong time and the case number burned in, ever leaves for a viewer.
  serve(app, caseRoomApi.documents.page, async (req, reply) => {
    const now = deps.now()
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, now, 'view')
    if (doc.render_kind === 'none' || !doc.render_sha256) throw new HttpError('conflict', internalOnlyReason('none')!)
    if (req.params.page > (doc.page_count ?? 1)) throw notFound('No such page')
    const sha = doc.render_sha256
    let jpeg: Buffer
    try {
      const watermark = { viewerName: access.auth.user.name, caseNumber: access.caseRow.number, at: now }
      jpeg = await renderer.render(sha, doc.render_kind, () => readBlob(deps, sha), req.params.page, watermark)
    } catch (e) {
      if (e instanceof RenderError && e.reason === 'no_such_page') throw notFound('No such page')
      throw e
    }
    await documentsRepo.recordView(db, {
      docId: doc.id,
      caseId: doc.case_id,
      viewerId: access.auth.user.id,
      version: doc.version,
      page: req.params.page,
      now,
    })
    return reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline')
      .send(jpeg)
  })

  serve(app, caseRoomApi.documents.original, async (req, reply) => {
    const { doc } = await openDocument(db, req, req.params.caseId, req.params.docId, deps.now(), 'download')
    const stream = await deps.blobs.get(doc.sha256)
    if (!stream) throw notFound('The file is missing from storage')
    // A download hands the file out for good: record it before the first byte leaves.
    await db.tx((q) =>
      auditFor(req, q, {
        action: 'document.download',
        targetType: 'document',
        targetId: doc.id,
        caseId: doc.case_id,
        detail: { version: doc.version, sha256: doc.sha256 },
      }),
    )
    return reply
      .header('content-type', doc.mime)
      .header('content-length', String(doc.size))
      .header('cache-control', 'private, no-store')
      .header('content-disposition', attachment(doc.filename))
      .send(stream)
  })

  serve(app, caseRoomApi.documents.update, async (req) => {
    const now = deps.now()
    return db.tx(async (q) => {
      const { access, doc } = await openDocument(q, req, req.params.caseId, req.params.docId, now, 'edit')
      await documentsRepo.update(q, doc.id, req.body, now)
      await auditFor(req, q, {
        action: 'document.edit',
        targetType: 'document',
        targetId: doc.id,
        caseId: doc.case_id,
        detail: { ...req.body },
      })
      return toDocumentDetail(q, (await documentsRepo.find(q, doc.case_id, doc.id))!, access)
    })
  })

  serve(app, caseRoomApi.documents.newVersion, async (req) => {
    const now = deps.now()
    const pre = await openDocument(db, req, req.params.caseId, req.params.docId, now, 'edit')
    const part = await uploadedFile(req, env.UPLOAD_LIMIT_BYTES)
    const up = await processUpload(deps, renderer, converter, part.file, pre.doc.tier)
    const filename = cleanFilename(part.filename)
    return keepOnlyIfRecorded(db, deps.blobs, up.blobs, () =>
      db.tx(async (q) => {
        const { access, doc } = await openDocument(q, req, req.params.caseId, req.params.docId, now, 'edit')
        if (doc.tier !== pre.doc.tier)
          throw new HttpError('conflict', 'The document moved to another area while uploading; try again')
        await documentsRepo.recordBlobs(q, up.blobs)
        const version = doc.version + 1
        await documentsRepo.addVersion(q, doc.id, version, storedFile(filename, up), access.auth.user.id, now)
        await auditFor(req, q, {
          action: 'document.new_version',
          targetType: 'document',
          targetId: doc.id,
          caseId: doc.case_id,
          detail: { version, sha256: up.stored.sha256 },
        })
        await notifyEach(q, {
          userIds: await membersWhoSee(q, doc.case_id, doc.tier, now, [access.auth.user.id]),
          kind: 'case.document_version',
          caseId: doc.case_id,
          link: documentLink(doc.case_id, doc.id),
          text: (l) =>
            caseRoomText(l, 'documentVersion', {
              number: access.caseRow.number,
              actor: access.auth.user.name,
              title: doc.title,
              version,
            }),
        })
        return toDocumentDetail(q, (await documentsRepo.find(q, doc.case_id, doc.id))!, access)
      }),
    )
  })

  serve(app, caseRoomApi.documents.remove, async (req) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const { access, doc } = await openDocument(q, req, req.params.caseId, req.params.docId, now, 'delete')
      await documentsRepo.remove(q, doc.id, access.auth.user.id, now)
      await auditFor(req, q, {
        action: 'document.delete',
        targetType: 'document',
        targetId: doc.id,
        caseId: doc.case_id,
        detail: { title: doc.title, tier: doc.tier },
      })
    })
  })

  // Making a document visible to more people needs a partner and a written reason; those who newly see it are told.
  serve(app, caseRoomApi.documents.move, async (req) => {
    const now = deps.now()
    const { toTier } = req.body
    const reason = req.body.reason ?? ''
    return db.tx(async (q) => {
      const access = await openCase(q, req, req.params.caseId, now)
      const doc = await documentsRepo.find(q, access.caseRow.id, req.params.docId)
      if (!doc) throw notFound('Document not found')
      enforce(decideMove(access.subject, doc.tier, toTier), 'Document not found')
      if (toTier === doc.tier) {
        throw new HttpError('validation_failed', 'The document is already in that area', [
          { path: 'toTier', code: 'same_tier', message: 'Choose another area' },
        ])
      }
      const downgrade = isDowngrade(doc.tier, toTier)
      if (downgrade && access.auth.user.role !== 'partner')
        throw forbidden('Only a partner can share a document more widely')
      if (downgrade && reason.length < MOVE_REASON_MIN) {
        throw new HttpError('validation_failed', 'Write down why this document may be seen more widely', [
          { path: 'reason', code: 'too_short', message: `At least ${MOVE_REASON_MIN} characters` },
        ])
      }
      if (doc.render_kind === 'none' && toTier !== 'private')
        throw new HttpError('conflict', internalOnlyReason('none')!)
      const before = new Set(await membersWhoSee(q, doc.case_id, doc.tier, now))
      await documentsRepo.move(q, { docId: doc.id, from: doc.tier, to: toTier, reason, by: access.auth.user.id, now })
      await auditFor(req, q, {
        action: 'document.move',
        targetType: 'document',
        targetId: doc.id,
        caseId: doc.case_id,
        detail: { from: doc.tier, to: toTier, reason, title: doc.title },
      })
      const gained = (await membersWhoSee(q, doc.case_id, toTier, now, [access.auth.user.id])).filter(
        (u) => !before.has(u),
      )
      await notifyEach(q, {
        userIds: gained,
        kind: 'case.document_shared',
        caseId: doc.case_id,
        link: documentLink(doc.case_id, doc.id),
        text: (l) =>
          caseRoomText(l, 'documentShared', {
            number: access.caseRow.number,
            title: doc.title,
            tier: tierName(l, toTier),
          }),
      })
      return toDocumentDetail(q, (await documentsRepo.find(q, doc.case_id, doc.id))!, access)
    })
  })

  // The viewer's beacon: how long a page stayed on screen. Fills the latest open view of that page.
  serve(app, caseRoomApi.documents.beacon, async (req) => {
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, deps.now(), 'view')
    const { page, durationMs } = req.body
    if (!(await documentsRepo.closeView(db, doc.id, access.auth.user.id, page, durationMs)))
      throw notFound('No open view of this page')
  })

  serve(app, caseRoomApi.documents.views, async (req) => {
    const { access, doc } = await openDocument(db, req, req.params.caseId, req.params.docId, deps.now(), 'view')
    // The firm sees who read what; a client may check who read the documents shared with them.
    if (!access.internal && access.auth.user.role !== 'client') throw forbidden('The view log is not available to you')
    // A client sees their own views and the firm's; another outsider's identity is not theirs to know.
    const rows = await documentsRepo.views(db, doc.id, {
      everyone: access.internal,
      viewerId: access.auth.user.id,
      roles: INTERNAL_ROLES,
    })
    type Viewer = {
      viewerId: string
      viewerName: string
      viewerRole: Role
      pages: Set<number>
      totalMs: number
      lastViewedAt: string
    }
    const viewers = new Map<string, Viewer>()
    for (const r of rows) {
      const v = viewers.get(r.viewer_id) ?? {
        viewerId: r.viewer_id,
        viewerName: r.name,
        viewerRole: r.role,
        pages: new Set<number>(),
        totalMs: 0,
        lastViewedAt: new Date(r.started_at).toISOString(),
      }
      v.pages.add(r.page)
      v.totalMs += r.duration_ms ?? 0
      viewers.set(r.viewer_id, v)
    }
    return {
      items: rows.map((r) => ({
        viewerId: r.viewer_id,
        viewerName: r.name,
        viewerRole: r.role,
        page: r.page,
        startedAt: new Date(r.started_at).toISOString(),
        durationMs: r.duration_ms,
      })),
      viewers: [...viewers.values()].map((v) => ({ ...v, pages: [...v.pages].sort((x, y) => x - y) })),
    }
  })
}
