import { z } from 'zod'
import {
  ADMIN_ROLES, ErrorBody, FormCheckResult, FormValuesInput, LowcodeDiff, LowcodeDocParams, LowcodeDocument, LowcodeDocumentSummary,
  LowcodeDraftInput, LowcodeKey, LowcodeKind, LowcodePublishInput, LowcodeRollbackInput, LowcodeVersion, PublishedDocument,
} from '@suite/domain'
import { diffJson } from '@suite/forms'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../deps'
import { requireRole, requireStaff, type AuthContext } from '../http/auth-context'
import { requireStepUp } from '../http/step-up'
import { HttpError, notFound } from '../http/errors'
import {
  DocumentError, discardDraft, getDraft, getPublishedDocument, getRunningVersion, listDocuments, listVersions,
  publishDocument, rollbackDocument, saveDraft, type DocumentActor,
} from '../lowcode/documents'
import { validateAgainstPublishedForm } from '../lowcode/forms'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const actorOf = (req: FastifyRequest, a: AuthContext): DocumentActor => ({ id: a.user.id, name: a.user.name, requestId: req.id })

function mapDocumentError(e: unknown): never {
  if (!(e instanceof DocumentError)) throw e
  if (e.code === 'invalid_body') throw new HttpError('validation_failed', e.message, e.fields)
  if (e.code === 'no_version') throw notFound(e.message)
  throw new HttpError('conflict', e.message)
}

/**
 * Versioned low-code documents (forms, policies, templates): administrators list, draft, diff,
 * publish and roll back (the last two need a step-up); every signed-in user reads the published
 * version, which running apps fetch at runtime.
 */
export async function lowcodeRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps
  const base = '/api/lowcode/documents/:kind/:key'

  app.get('/api/lowcode/documents', { schema: { tags: ['lowcode'], querystring: z.object({ kind: LowcodeKind.optional() }), response: { 200: z.object({ items: z.array(LowcodeDocumentSummary) }), ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: await listDocuments(db, req.query.kind) }
  })

  app.get(base, { schema: { tags: ['lowcode'], params: LowcodeDocParams, response: { 200: LowcodeDocument, ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    return { kind, key, running: await getRunningVersion(db, kind, key), draft: await getDraft(db, kind, key) }
  })

  app.get(`${base}/versions`, { schema: { tags: ['lowcode'], params: LowcodeDocParams, response: { 200: z.object({ items: z.array(LowcodeVersion) }), ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: await listVersions(db, req.params.kind, req.params.key) }
  })

  app.put(`${base}/draft`, { schema: { tags: ['lowcode'], params: LowcodeDocParams, body: LowcodeDraftInput, response: { 200: LowcodeVersion, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    return db.tx((q) => saveDraft(q, { ...req.params, body: req.body.body, note: req.body.note, actor: actorOf(req, a), now: deps.now() })).catch(mapDocumentError)
  })

  app.delete(`${base}/draft`, { schema: { tags: ['lowcode'], params: LowcodeDocParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const a = requireRole(req, ADMIN_ROLES)
    const gone = await db.tx((q) => discardDraft(q, { ...req.params, actor: actorOf(req, a), now: deps.now() }))
    if (!gone) throw notFound('There is no draft')
    return reply.code(204).send(null)
  })

  app.get(`${base}/diff`, { schema: { tags: ['lowcode'], params: LowcodeDocParams, response: { 200: LowcodeDiff, ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    const running = await getRunningVersion(db, kind, key)
    const draft = await getDraft(db, kind, key)
    return { runningVersion: running?.version ?? null, draftHash: draft?.bodyHash ?? null, changes: draft ? diffJson(running?.body ?? null, draft.body) : [] }
  })

  app.post(`${base}/publish`, { schema: { tags: ['lowcode'], params: LowcodeDocParams, body: LowcodePublishInput, response: { 200: LowcodeVersion, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    await requireStepUp(req, { action: `lowcode.publish`, targetType: kind, targetId: key })
    return db.tx((q) => publishDocument(q, { kind, key, draftHash: req.body.draftHash, note: req.body.note, actor: actorOf(req, a), now: deps.now() })).catch(mapDocumentError)
  })

  app.post(`${base}/rollback`, { schema: { tags: ['lowcode'], params: LowcodeDocParams, body: LowcodeRollbackInput, response: { 200: LowcodeVersion, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const { kind, key } = req.params
    await requireStepUp(req, { action: `lowcode.rollback`, targetType: kind, targetId: key })
    return db.tx((q) => rollbackDocument(q, { kind, key, version: req.body.version, note: req.body.note, actor: actorOf(req, a), now: deps.now() })).catch(mapDocumentError)
  })

  app.get('/api/lowcode/published/:kind/:key', { schema: { tags: ['lowcode'], params: LowcodeDocParams, response: { 200: PublishedDocument, ...errors } } }, async (req, reply) => {
    requireStaff(req)
    const { kind, key } = req.params
    const doc = await getPublishedDocument(db, kind, key)
    if (!doc) throw notFound('This document has not been published')
    reply.header('cache-control', 'no-cache')
    return { kind, key, ...doc }
  })

  app.post('/api/lowcode/forms/:key/check', { schema: { tags: ['lowcode'], params: z.object({ key: LowcodeKey }), body: FormValuesInput, response: { 200: FormCheckResult, ...errors } } }, async (req) => {
    requireStaff(req)
    const r = await validateAgainstPublishedForm(db, req.params.key, req.body.values)
    return { ok: true as const, ...r }
  })
}
