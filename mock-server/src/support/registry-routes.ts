import { supportApi, type OfficialChannel } from '@suite/domain'
import { detectKind, normaliseIdentifier } from '@suite/scam-check'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { auditFor, requireRole, requireStaff } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { notifyEach } from '../jobs/notify'
import { registryText } from './messages'
import { channelsRepo, knownScamsRepo, toChannel, type Contact } from './registry-repo'

const IT = ['it_admin'] as const

function normalised(kind: OfficialChannel['kind'], identifier: string, path = 'identifier'): Contact {
  const n = normaliseIdentifier(identifier, kind)
  if (!n)
    throw new HttpError('validation_failed', 'This is not a valid contact of that kind', [
      { path, code: 'invalid_identifier', message: `Not a valid ${kind}` },
    ])
  return n
}

/** The official-channel registry (IT keeps it, staff read it) and the known-scam list. */
export async function supportRegistryRoutes(app: App, deps: Deps): Promise<void> {
  serve(app, supportApi.channels, async (req) => {
    const { user } = requireStaff(req)
    return { items: (await channelsRepo.list(deps.db, user.role === 'it_admin')).map(toChannel) }
  })

  serve(app, supportApi.createChannel, async (req) => {
    const { user } = requireRole(req, IT)
    const n = normalised(req.body.kind, req.body.identifier)
    const row = await deps.db.tx(async (q) => {
      const r = await channelsRepo.create(q, {
        ...n,
        label: req.body.label,
        note: req.body.note ?? null,
        createdBy: user.id,
        now: deps.now(),
      })
      if (!r) throw new HttpError('conflict', 'This contact is already in the registry')
      await auditFor(req, q, {
        action: 'support.channel.create',
        targetType: 'support_channel',
        targetId: r.id,
        detail: { key: `${n.kind}:${n.value}`, label: r.label },
      })
      return r
    })
    return toChannel(row)
  })

  serve(app, supportApi.updateChannel, async (req) => {
    requireRole(req, IT)
    return deps.db.tx(async (q) => {
      const cur = await channelsRepo.lock(q, req.params.id)
      if (!cur || cur.status === 'retired') throw notFound('Channel not found')
      const changesValue =
        req.body.identifier !== undefined || (req.body.kind !== undefined && req.body.kind !== cur.kind)
      const n = changesValue ? normalised(req.body.kind ?? cur.kind, req.body.identifier ?? cur.value) : null
      // A changed contact is a new entry for staff: it waits for the next publication.
      const r = await channelsRepo.update(q, cur.id, {
        kind: n?.kind ?? cur.kind,
        value: n?.value ?? cur.value,
        display: n?.display ?? cur.display,
        label: req.body.label ?? cur.label,
        note: req.body.note === undefined ? cur.note : req.body.note,
        retirePending: req.body.retire ?? cur.retire_pending,
        redraft: Boolean(n),
        now: deps.now(),
      })
      await auditFor(req, q, {
        action: 'support.channel.update',
        targetType: 'support_channel',
        targetId: cur.id,
        detail: { changed: Object.keys(req.body) },
      })
      return toChannel(r)
    })
  })

  serve(app, supportApi.deleteChannel, async (req, reply) => {
    requireRole(req, IT)
    await deps.db.tx(async (q) => {
      const cur = await channelsRepo.lock(q, req.params.id)
      if (!cur) throw notFound('Channel not found')
      // A published channel is retired at the next publication (staff are told); a draft just goes.
      if (cur.status === 'draft' && !cur.published_at) await channelsRepo.remove(q, cur.id)
      else await channelsRepo.retireLater(q, cur.id, deps.now())
      await auditFor(req, q, {
        action: 'support.channel.delete',
        targetType: 'support_channel',
        targetId: cur.id,
        detail: { key: `${cur.kind}:${cur.value}` },
      })
    })
    return reply.send(null)
  })

  serve(app, supportApi.publishChannels, async (req) => {
    requireRole(req, IT)
    const now = deps.now()
    return deps.db.tx(async (q) => {
      const { published, retired } = await channelsRepo.publish(q, now)
      if (!retired && !published) return { published: 0, retired: 0, notified: 0 }
      const entries = await channelsRepo.list(q, false)
      const staff = await channelsRepo.staffIds(q)
      await notifyEach(q, {
        userIds: staff,
        kind: 'support.registry',
        text: (locale) => registryText(locale, entries),
        dedupeKey: `support-registry:${now.getTime()}`,
      })
      await auditFor(req, q, {
        action: 'support.channel.publish',
        targetType: 'support_channel',
        detail: { published, retired, staff: staff.length },
      })
      return { published, retired, notified: staff.length }
    })
  })

  serve(app, supportApi.knownScams, async (req) => {
    requireRole(req, ['it_admin', 'compliance_officer'])
    return { items: await knownScamsRepo.list(deps.db, req.query.q) }
  })

  serve(
    app,
    supportApi.importKnownScams,
    async (req) => {
      const { user } = requireRole(req, IT)
      const invalid: { index: number; identifier: string; reason: string }[] = []
      const good = new Map<string, Contact & { note: string | null }>()
      req.body.entries.forEach((e, index) => {
        const n = normaliseIdentifier(e.identifier, e.kind ?? detectKind(e.identifier))
        if (!n) invalid.push({ index, identifier: e.identifier, reason: 'invalid_identifier' })
        else
          good.set(n.key, { kind: n.kind, value: n.value, display: n.display, note: e.note ?? req.body.source ?? null })
      })
      const now = deps.now()
      return deps.db.tx(async (q) => {
        let added = 0
        for (const g of good.values()) {
          if (await knownScamsRepo.add(q, { ...g, source: 'import', addedBy: user.id, now })) added++
        }
        await auditFor(req, q, {
          action: 'support.known_scam.import',
          targetType: 'support_known_scam',
          detail: {
            added,
            submitted: req.body.entries.length,
            invalid: invalid.length,
            source: req.body.source ?? null,
          },
        })
        return { added, alreadyListed: good.size - added, invalid }
      })
    },
    { bodyLimit: 2 * 1024 * 1024 },
  )

  serve(app, supportApi.deleteKnownScam, async (req, reply) => {
    requireRole(req, IT)
    await deps.db.tx(async (q) => {
      const r = await knownScamsRepo.remove(q, req.params.id)
      if (!r) throw notFound('Entry not found')
      await auditFor(req, q, {
        action: 'support.known_scam.delete',
        targetType: 'support_known_scam',
        targetId: req.params.id,
        detail: { key: `${r.kind}:${r.value}` },
      })
    })
    return reply.send(null)
  })
}
