import { ADMIN_ROLES, lowcodeApi } from '@suite/domain'
import { diffJson } from '@suite/forms'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { requireRole, requireStaff, type AuthContext } from '../http/auth-context'
import { requireStepUp } from '../http/step-up'
import { HttpError, notFound } from '../http/errors'
import {
  DocumentError,
  discardDraft,
  getDraft,
  getPublishedDocument,
  getRunningVersion,
  listDocuments,
  listVersions,
  publishDocument,
  rollbackDocument,
  saveDraft,
  type DocumentActor,
} from './documents'
import { validateAgainstPublishedForm } from './forms'

const actorOf = (req: FastifyRequest, a: AuthContext): DocumentActor => ({
  id: a.user.id,
  name: a.user.name,
  requestId: req.id,
})

function mapDocumentError(e: unknown): never {
  if (!(e instanceof DocumentError)) throw e
  if (e.code === 'invalid_body') throw new HttpError('validation_failed', e.message, e.fields)
  if (e.code === 'no_version') throw notFound(e.message)
  throw new HttpError('conflict', e.message)
}

/**
 * Versioned low-code documents (forms, policies, templates): administrators list, draft, diff,
 * publish and roll back (the last two need a step-up); every signed-in user reads the published
 * version, which running apps fetch at runtime. The store itself (SQL, versions, validators of
 * each kind) is `./documents`.
 */
export async function lowcodeRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, lowcodeApi.list, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: await listDocuments(db, req.query.kind) }
  })

  serve(app, lowcodeApi.get, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    return { kind, key, running: await getRunningVersion(db, kind, key), draft: await getDraft(db, kind, key) }
  })

  serve(app, lowcodeApi.versions, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: await listVersions(db, req.params.kind, req.params.key) }
  })

  serve(app, lowcodeApi.saveDraft, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    return db
      .tx((q) =>
        saveDraft(q, {
          ...req.params,
          body: req.body.body,
          note: req.body.note,
          actor: actorOf(req, a),
          now: deps.now(),
        }),
      )
      .catch(mapDocumentError)
  })

  serve(app, lowcodeApi.discardDraft, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const gone = await db.tx((q) => discardDraft(q, { ...req.params, actor: actorOf(req, a), now: deps.now() }))
    if (!gone) throw notFound('There is no draft')
  })

  serve(app, lowcodeApi.diff, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    const running = await getRunningVersion(db, kind, key)
    const draft = await getDraft(db, kind, key)
    return {
      runningVersion: running?.version ?? null,
      draftHash: draft?.bodyHash ?? null,
      changes: draft ? diffJson(running?.body ?? null, draft.body) : [],
    }
  })

  serve(app, lowcodeApi.publish, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    await requireStepUp(req, { action: `lowcode.publish`, targetType: kind, targetId: key })
    return db
      .tx((q) =>
        publishDocument(q, {
          kind,
          key,
          draftHash: req.body.draftHash,
          note: req.body.note,
          actor: actorOf(req, a),
          now: deps.now(),
        }),
      )
      .catch(mapDocumentError)
  })

  serve(app, lowcodeApi.rollback, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    await requireStepUp(req, { action: `lowcode.rollback`, targetType: kind, targetId: key })
    return db
      .tx((q) =>
        rollbackDocument(q, {
          kind,
          key,
          version: req.body.version,
          note: req.body.note,
          actor: actorOf(req, a),
          now: deps.now(),
        }),
      )
      .catch(mapDocumentError)
  })

  serve(app, lowcodeApi.published, async (req, reply) => {
    requireStaff(req)
    const { kind, key } = req.params
    const doc = await getPublishedDocument(db, kind, key)
    if (!doc) throw notFound('This document has not been published')
    reply.header('cache-control', 'no-cache')
    return { kind, key, ...doc }
  })

  serve(app, lowcodeApi.checkForm, async (req) => {
    requireStaff(req)
    const r = await validateAgainstPublishedForm(db, req.params.key, req.body.values)
    return { ok: true as const, ...r }
  })
}
