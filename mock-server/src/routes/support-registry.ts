import { z } from 'zod'
import { ErrorBody, KnownScam, KnownScamImport, KnownScamImportResult, OfficialChannel, OfficialChannelInput, PublishResult, type Locale } from '@suite/domain'
import { detectKind, normaliseIdentifier } from '@suite/scam-check'
import type { App, Deps } from '../deps'
import { auditFor, requireRole } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { notify } from '../jobs/notify'
import { STAFF_SQL, newId } from '../support/ids'
import { registryText } from '../support/messages'
import { requireStaff } from '../http/auth-context'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const IT = ['it_admin'] as const
const IdParam = z.object({ id: z.string().min(1).max(64) })

interface ChannelRow { id: string; kind: OfficialChannel['kind']; value: string; display: string; label: string; note: string | null; status: OfficialChannel['status']; retire_pending: boolean; updated_at: Date; published_at: Date | null }
const toChannel = (r: ChannelRow): OfficialChannel => ({
  id: r.id, kind: r.kind, value: r.value, display: r.display, label: r.label, note: r.note,
  status: r.status, updatedAt: new Date(r.updated_at).toISOString(), publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
})

function normalised(kind: OfficialChannel['kind'], identifier: string, path = 'identifier') {
  const n = normaliseIdentifier(identifier, kind)
  if (!n) throw new HttpError('validation_failed', 'This is not a valid contact of that kind', [{ path, code: 'invalid_identifier', message: `Not a valid ${kind}` }])
  return n
}

/** The official-channel registry (IT keeps it, staff read it) and the known-scam list. */
export async function supportRegistryRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/support/channels', { schema: { tags: ['support'], response: { 200: z.object({ items: z.array(OfficialChannel) }), ...errors } } }, async (req) => {
    const { user } = requireStaff(req)
    const where = user.role === 'it_admin' ? "status <> 'retired'" : "status = 'published'"
    const { rows } = await deps.db.query<ChannelRow>(`SELECT * FROM support_channels WHERE ${where} ORDER BY kind, label`)
    return { items: rows.map(toChannel) }
  })

  app.post('/api/support/channels', { schema: { tags: ['support'], body: OfficialChannelInput, response: { 201: OfficialChannel, ...errors } } }, async (req, reply) => {
    requireRole(req, IT)
    const n = normalised(req.body.kind, req.body.identifier)
    const row = await deps.db.tx(async (q) => {
      const r = (await q.query<ChannelRow>(
        `INSERT INTO support_channels (id, kind, value, display, label, note, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (kind, value) DO NOTHING RETURNING *`,
        [newId('ch'), n.kind, n.value, n.display, req.body.label, req.body.note ?? null, req.auth!.user.id, deps.now()])).rows[0]
      if (!r) throw new HttpError('conflict', 'This contact is already in the registry')
      await auditFor(req, q, { action: 'support.channel.create', targetType: 'support_channel', targetId: r.id, detail: { key: `${n.kind}:${n.value}`, label: r.label } })
      return r
    })
    return reply.code(201).send(toChannel(row))
  })

  app.patch('/api/support/channels/:id', { schema: { tags: ['support'], params: IdParam, body: OfficialChannelInput.partial(), response: { 200: OfficialChannel, ...errors } } }, async (req) => {
    requireRole(req, IT)
    return deps.db.tx(async (q) => {
      const cur = (await q.query<ChannelRow>('SELECT * FROM support_channels WHERE id = $1 FOR UPDATE', [req.params.id])).rows[0]
      if (!cur || cur.status === 'retired') throw notFound('Channel not found')
      const changesValue = req.body.identifier !== undefined || (req.body.kind !== undefined && req.body.kind !== cur.kind)
      const n = changesValue ? normalised(req.body.kind ?? cur.kind, req.body.identifier ?? cur.value) : null
      // A changed contact is a new entry for staff: it waits for the next publication.
      const r = (await q.query<ChannelRow>(
        `UPDATE support_channels SET kind = $2, value = $3, display = $4, label = $5, note = $6, retire_pending = $7, updated_at = $8,
           status = CASE WHEN $9 THEN 'draft' ELSE status END WHERE id = $1 RETURNING *`,
        [cur.id, n?.kind ?? cur.kind, n?.value ?? cur.value, n?.display ?? cur.display, req.body.label ?? cur.label,
          req.body.note === undefined ? cur.note : req.body.note, req.body.retire ?? cur.retire_pending, deps.now(), Boolean(n)])).rows[0]!
      await auditFor(req, q, { action: 'support.channel.update', targetType: 'support_channel', targetId: cur.id, detail: { changed: Object.keys(req.body) } })
      return toChannel(r)
    })
  })

  app.delete('/api/support/channels/:id', { schema: { tags: ['support'], params: IdParam, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    requireRole(req, IT)
    await deps.db.tx(async (q) => {
      const cur = (await q.query<ChannelRow>('SELECT * FROM support_channels WHERE id = $1 FOR UPDATE', [req.params.id])).rows[0]
      if (!cur) throw notFound('Channel not found')
      // A published channel is retired at the next publication (staff are told); a draft just goes.
      if (cur.status === 'draft' && !cur.published_at) await q.query('DELETE FROM support_channels WHERE id = $1', [cur.id])
      else await q.query('UPDATE support_channels SET retire_pending = true, updated_at = $2 WHERE id = $1', [cur.id, deps.now()])
      await auditFor(req, q, { action: 'support.channel.delete', targetType: 'support_channel', targetId: cur.id, detail: { key: `${cur.kind}:${cur.value}` } })
    })
    return reply.code(204).send(null)
  })

  app.post('/api/support/channels/publish', { schema: { tags: ['support'], response: { 200: PublishResult, ...errors } } }, async (req) => {
    requireRole(req, IT)
    const now = deps.now()
    return deps.db.tx(async (q) => {
      const retired = await q.query("UPDATE support_channels SET status = 'retired', retire_pending = false, updated_at = $1 WHERE retire_pending AND status <> 'retired'", [now])
      const published = await q.query("UPDATE support_channels SET status = 'published', published_at = $1, updated_at = $1 WHERE status = 'draft'", [now])
      if (!retired.rowCount && !published.rowCount) return { published: 0, retired: 0, notified: 0 }
      const entries = (await q.query<ChannelRow>("SELECT * FROM support_channels WHERE status = 'published' ORDER BY kind, label")).rows
      const staff = (await q.query<{ id: string; locale: Locale }>(`SELECT id, locale FROM users WHERE ${STAFF_SQL}`)).rows
      for (const locale of new Set(staff.map((s) => s.locale))) {
        const ids = staff.filter((s) => s.locale === locale).map((s) => s.id)
        await notify(q, { userIds: ids, kind: 'support.registry', ...registryText(locale, entries), dedupeKey: `support-registry:${now.getTime()}:${locale}` })
      }
      await auditFor(req, q, { action: 'support.channel.publish', targetType: 'support_channel', detail: { published: published.rowCount, retired: retired.rowCount, staff: staff.length } })
      return { published: published.rowCount, retired: retired.rowCount, notified: staff.length }
    })
  })

  app.get('/api/support/known-scams', { schema: { tags: ['support'], querystring: z.object({ q: z.string().trim().max(200).optional() }), response: { 200: z.object({ items: z.array(KnownScam) }), ...errors } } }, async (req) => {
    requireRole(req, ['it_admin', 'compliance_officer'])
    const params: unknown[] = []
    let where = 'true'
    if (req.query.q) { params.push(`%${req.query.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`); where = '(k.value ILIKE $1 OR k.display ILIKE $1 OR k.note ILIKE $1)' }
    const { rows } = await deps.db.query<{ id: string; kind: KnownScam['kind']; value: string; display: string; source: KnownScam['source']; note: string | null; added_at: Date; added_by_name: string | null }>(
      `SELECT k.*, u.name AS added_by_name FROM support_known_scams k LEFT JOIN users u ON u.id = k.added_by WHERE ${where} ORDER BY k.added_at DESC, k.id LIMIT 2000`, params)
    return { items: rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, display: r.display, source: r.source, note: r.note, addedAt: new Date(r.added_at).toISOString(), addedByName: r.added_by_name })) }
  })

  app.post('/api/support/known-scams/import', { bodyLimit: 2 * 1024 * 1024, schema: { tags: ['support'], body: KnownScamImport, response: { 200: KnownScamImportResult, ...errors } } }, async (req) => {
    const { user } = requireRole(req, IT)
    const invalid: { index: number; identifier: string; reason: string }[] = []
    const good = new Map<string, { kind: string; value: string; display: string; note: string | null }>()
    req.body.entries.forEach((e, index) => {
      const n = normaliseIdentifier(e.identifier, e.kind ?? detectKind(e.identifier))
      if (!n) invalid.push({ index, identifier: e.identifier, reason: 'invalid_identifier' })
      else good.set(n.key, { kind: n.kind, value: n.value, display: n.display, note: e.note ?? req.body.source ?? null })
    })
    const now = deps.now()
    return deps.db.tx(async (q) => {
      let added = 0
      for (const g of good.values()) {
        const r = await q.query(
          `INSERT INTO support_known_scams (id, kind, value, display, source, note, added_by, added_at) VALUES ($1, $2, $3, $4, 'import', $5, $6, $7)
           ON CONFLICT (kind, value) DO NOTHING`, [newId('ks'), g.kind, g.value, g.display, g.note, user.id, now])
        added += r.rowCount
      }
      await auditFor(req, q, { action: 'support.known_scam.import', targetType: 'support_known_scam', detail: { added, submitted: req.body.entries.length, invalid: invalid.length, source: req.body.source ?? null } })
      return { added, alreadyListed: good.size - added, invalid }
    })
  })

  app.delete('/api/support/known-scams/:id', { schema: { tags: ['support'], params: IdParam, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    requireRole(req, IT)
    await deps.db.tx(async (q) => {
      const r = (await q.query<{ kind: string; value: string }>('DELETE FROM support_known_scams WHERE id = $1 RETURNING kind, value', [req.params.id])).rows[0]
      if (!r) throw notFound('Entry not found')
      await auditFor(req, q, { action: 'support.known_scam.delete', targetType: 'support_known_scam', targetId: req.params.id, detail: { key: `${r.kind}:${r.value}` } })
    })
    return reply.code(204).send(null)
  })
}
