import { Readable } from 'node:stream'
import {
  IdempotencyKey,
  URGENT_ASKED_FOR,
  encodeCursor,
  supportApi,
  type IdentifierKind,
  type SupportReport,
} from '@suite/domain'
import { validateSubmission, type FileRef } from '@suite/forms'
import type { App, Deps } from '../deps'
import { TimeIdCursor, readCursor } from '../http/cursor'
import { serve } from '../http/endpoint'
import { auditFor, requireStaff as requireStaffOf } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { BlobTooLargeError, discardUnrecorded } from '../storage/blob-store'
import { notifyEach } from '../jobs/notify'
import { drillsRepo } from './drills-repo'
import { reportForm } from './form'
import { hashOf, newId } from './ids'
import { runCheck } from './lists'
import { drillThanksText, urgentText } from './messages'
import { loadCheckLists } from './registry-repo'
import { attachmentsOf, reportsRepo } from './repo'

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif'])
const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024
/** Form fields stored in their own columns; any other value is an administrator's field, kept in `extra`. */
const BASE_NAMES = new Set([
  'identifierKind',
  'identifier',
  'platform',
  'channel',
  'claimedIdentity',
  'askedFor',
  'complied',
  'lossAmount',
  'lossCurrency',
  'occurredOn',
  'message',
  'details',
  'screenshots',
])

const requireStaff = (req: Parameters<typeof requireStaffOf>[0]) =>
  requireStaffOf(req, "Reporting is for the firm's staff")

/** What a reporter may read: their own reports; IT and compliance read all. */
const canReadAll = (role: string) => role === 'it_admin' || role === 'compliance_officer'

/**
 * Reports of suspicious contacts: the instant check, screenshots, creating a report exactly
 * once per `Idempotency-Key`, and the reporter's own list.
 */
export async function supportReportRoutes(app: App, deps: Deps): Promise<void> {
  serve(app, supportApi.checkLists, async (req) => {
    requireStaff(req)
    const lists = await loadCheckLists(deps.db)
    return {
      official: lists.official.map((e) => ({ kind: e.kind, value: e.value, label: e.label ?? '' })),
      knownScams: lists.knownScams.map((e) => ({ kind: e.kind, value: e.value })),
      updatedAt: lists.updatedAt.toISOString(),
    }
  })

  serve(app, supportApi.check, async (req) => {
    requireStaff(req)
    const r = runCheck(req.body.identifier, req.body.kind, req.body.claimedIdentity, await loadCheckLists(deps.db))
    return {
      verdict: r.verdict,
      kind: r.kind,
      identifierKey: r.identifier?.key ?? null,
      display: r.identifier?.display ?? null,
      reasons: r.reasons,
      matchLabel: r.match?.label ?? null,
      scameterUrl: r.scameterUrl,
    }
  })

  // Screenshots arrive as the raw image body; the content's SHA-256 becomes its id.
  await app.register(async (scope) => {
    scope.addContentTypeParser(/^image\//, (_req, payload, done) => done(null, payload))
    serve(
      scope,
      supportApi.uploadAttachment,
      async (req) => {
        const { user } = requireStaff(req)
        // Only an image/* body reaches here as a stream; none, JSON or form data is refused.
        if (!(req.body instanceof Readable))
          throw new HttpError(
            'unsupported_media_type',
            'Send the screenshot as the request body with an image/* content type',
          )
        let stored
        try {
          stored = await deps.blobs.put(req.body, MAX_SCREENSHOT_BYTES)
        } catch (e) {
          if (e instanceof BlobTooLargeError)
            throw new HttpError('payload_too_large', 'A screenshot may be at most 5 MB')
          throw e
        }
        if (!IMAGE_TYPES.has(stored.mime)) {
          await discardUnrecorded(deps.db, deps.blobs, [stored])
          throw new HttpError('unsupported_media_type', 'Screenshots must be PNG, JPEG, WebP or GIF images')
        }
        await deps.db.tx((q) => reportsRepo.recordUpload(q, stored, user.id, deps.now()))
        return { id: stored.sha256, size: stored.size, mime: stored.mime }
      },
      { bodyLimit: MAX_SCREENSHOT_BYTES },
    )
  })

  serve(app, supportApi.submitReport, async (req, reply) => {
    const { user } = requireStaff(req)
    const key = IdempotencyKey.safeParse(req.headers['idempotency-key'])
    if (!key.success) {
      throw new HttpError(
        'bad_request',
        'Send each report with an Idempotency-Key header (8-128 letters, digits, - or _)',
        [{ path: 'headers.idempotency-key', code: 'required', message: 'Idempotency-Key is required' }],
      )
    }
    const requestHash = hashOf(req.body)
    // A retry of a report that arrived: 200 with it, nothing else done.
    const replay = async (): Promise<SupportReport> => {
      const existing = await reportsRepo.byKey(deps.db, key.data)
      if (!existing) throw new HttpError('internal', 'The report was not found after a conflicting insert')
      if (existing.reporterId !== user.id || existing.requestHash !== requestHash) {
        throw new HttpError(
          'conflict',
          'This Idempotency-Key was already used for a different report; send a new report with a new key',
        )
      }
      reply.code(200).header('idempotent-replayed', 'true')
      return existing.report
    }
    if (await reportsRepo.keyTaken(deps.db, key.data)) return replay()

    // The version the device rendered, from the low-code store (every published version is kept).
    const form = await reportForm(deps.db, req.body.formVersion)
    if (!form)
      throw new HttpError('validation_failed', 'This version of the form is unknown', [
        { path: 'formVersion', code: 'unknown_version', message: 'Unknown form version' },
      ])
    const checked = validateSubmission(form.schema, req.body.values)
    if (!checked.ok)
      throw new HttpError(
        'validation_failed',
        'Some fields are not valid',
        checked.errors.map((e) => ({ ...e, path: `values.${e.path}` })),
      )
    const v = checked.values
    const shots = (v.screenshots as FileRef[] | undefined) ?? []
    if (shots.length) {
      const rows = await reportsRepo.uploadsOf(
        deps.db,
        user.id,
        shots.map((s) => s.id),
      )
      const missing = shots.findIndex((s) => !rows.some((r) => r.sha256 === s.id))
      if (missing >= 0) {
        throw new HttpError('validation_failed', 'A screenshot has not been uploaded', [
          {
            path: `values.screenshots.${missing}`,
            code: 'not_uploaded',
            message: 'Upload the file before sending the report',
          },
        ])
      }
      for (const s of shots) {
        const r = rows.find((x) => x.sha256 === s.id)!
        s.mime = r.mime
        s.size = Number(r.size)
      }
    }

    const identifier = String(v.identifier)
    const check = runCheck(
      identifier,
      v.identifierKind as IdentifierKind,
      String(v.claimedIdentity),
      await loadCheckLists(deps.db),
    )
    const display = check.identifier?.display ?? identifier
    const extra = Object.fromEntries(Object.entries(v).filter(([k]) => !BASE_NAMES.has(k)))
    const now = deps.now()

    const created = await deps.db.tx(async (q) => {
      // A report of a drill's lure by someone the drill was sent to counts for the drill.
      const drill = check.identifier ? await drillsRepo.sentTo(q, check.identifier.key, user.id) : null
      const id = newId('rep')
      const stored = await reportsRepo.create(
        q,
        {
          id,
          idempotencyKey: key.data,
          requestHash,
          reporterId: user.id,
          department: user.department,
          formVersion: form.version,
          // The kind the check read (a `tel:` link picked as a web address is a phone), so kind and key agree.
          identifierKind: check.kind,
          identifier,
          identifierKey: check.identifier?.key ?? null,
          identifierDisplay: display,
          channel: v.channel as string,
          claimedIdentity: v.claimedIdentity as string,
          askedFor: (v.askedFor as string[] | undefined) ?? [],
          complied: v.complied as string,
          lossAmount: (v.lossAmount as number | undefined) ?? null,
          lossCurrency: (v.lossCurrency as string | undefined) ?? null,
          occurredOn: (v.occurredOn as string | undefined) ?? null,
          message: (v.message as string | undefined) ?? '',
          details: (v.details as string | undefined) ?? '',
          platform: (v.platform as string | undefined) ?? '',
          extra,
          verdict: check.verdict,
          reasons: check.reasons,
          drillId: drill?.id ?? null,
          reportedAt: req.body.reportedAt,
          receivedAt: now,
        },
        shots.map((s) => ({ id: s.id, name: s.name, mime: s.mime, size: s.size })),
      )
      // Another request with the same key committed first: this one changes nothing.
      if (!stored) return null
      if (drill) {
        await drillsRepo.markReported(q, drill.id, user.id, now)
        await notifyEach(q, {
          userIds: [user.id],
          kind: 'support.drill_reported',
          text: (locale) => drillThanksText(locale, { display, campaign: drill.campaign_id }),
          link: appLink(deps.env, 'support-report', `/reports/${id}`),
          dedupeKey: `support-drill-thanks:${drill.id}:${user.id}`,
        })
      } else if (v.complied === 'yes' || v.complied === 'partly') {
        // A code, a password or bank details handed over is named in the alert: IT resets and blocks first.
        const askedFor = (v.askedFor as string[] | undefined) ?? []
        const handedOver = askedFor.filter((a) => URGENT_ASKED_FOR.includes(a))
        await notifyEach(q, {
          userIds: await reportsRepo.itAdminIds(q),
          kind: 'support.urgent',
          text: (locale) =>
            urgentText(locale, { reporter: user.name, display, complied: String(v.complied), handedOver }),
          link: appLink(deps.env, 'support-report', '/console'),
          dedupeKey: `support-urgent:${id}`,
        })
      }
      await auditFor(req, q, {
        action: 'support.report.create',
        targetType: 'support_report',
        targetId: id,
        detail: {
          identifierKey: check.identifier?.key ?? null,
          verdict: check.verdict,
          complied: v.complied,
          screenshots: shots.length,
          campaignId: drill?.campaign_id ?? null,
          formVersion: form.version,
        },
      })
      return id
    })
    if (created === null) return replay()
    return (await reportsRepo.byId(deps.db, created))!
  })

  serve(app, supportApi.myReports, async (req) => {
    const { user } = requireStaff(req)
    const { limit } = req.query
    const rows = await reportsRepo.listMine(deps.db, {
      reporterId: user.id,
      after: readCursor(req.query.cursor, TimeIdCursor),
      take: limit + 1,
    })
    const items = rows.slice(0, limit)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.receivedAt, last.id]) : null }
  })

  serve(app, supportApi.report, async (req) => {
    const { user } = requireStaff(req)
    const r = await reportsRepo.byId(deps.db, req.params.id)
    // Someone else's report does not exist, as far as a reporter can tell.
    if (!r || (r.reporterId !== user.id && !canReadAll(user.role))) throw notFound('Report not found')
    return r
  })

  serve(app, supportApi.attachment, async (req, reply) => {
    const { user } = requireStaff(req)
    const reporterId = await reportsRepo.reporterOf(deps.db, req.params.id)
    if (!reporterId || (reporterId !== user.id && !canReadAll(user.role))) throw notFound('Report not found')
    const att = (await attachmentsOf(deps.db, [req.params.id])).get(req.params.id)?.find((a) => a.id === req.params.sha)
    const stream = att ? await deps.blobs.get(att.id) : null
    if (!att || !stream) throw notFound('Screenshot not found')
    reply
      .header('content-type', att.mime)
      .header('content-disposition', 'inline')
      .header('cache-control', 'private, max-age=3600')
    return reply.send(stream)
  })
}
