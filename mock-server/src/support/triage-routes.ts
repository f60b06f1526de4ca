import { Readable } from 'node:stream'
import {
  FINAL_REPORT_STATUSES,
  csvDocument,
  supportApi,
  type CheckVerdict,
  type CsvValue,
  type TriageGroup,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { auditFor, requireRole } from '../http/auth-context'
import { HttpError } from '../http/errors'
import { appLink } from '../http/links'
import { notifyEach } from '../jobs/notify'
import { verdictText } from './messages'
import { knownScamsRepo } from './registry-repo'
import { triageRepo, withNotes } from './repo'

const IT = ['it_admin'] as const
const STRENGTH: CheckVerdict[] = ['known_scam', 'suspicious', 'no_record', 'official']
/** Columns of the CSV export. */
const EXPORT_HEAD = [
  'id',
  'received_at',
  'reported_at',
  'status',
  'kind',
  'identifier_key',
  'identifier',
  'channel',
  'claimed_identity',
  'asked_for',
  'complied',
  'loss_amount',
  'loss_currency',
  'verdict',
  'reasons',
  'reporter',
  'department',
  'assignee',
  'resolution',
]

/** IT's triage console: the queue grouped by contact, assignment, notes, verdicts, export. */
export async function supportTriageRoutes(app: App, deps: Deps): Promise<void> {
  serve(app, supportApi.triage, async (req) => {
    requireRole(req, IT)
    const reports = await withNotes(deps.db, await triageRepo.queue(deps.db, req.query, 5000))
    const known = await knownScamsRepo.keys(deps.db)
    const groups = new Map<string, TriageGroup>()
    for (const r of reports) {
      const key = r.identifierKey ?? `raw:${r.identifier.trim().toLowerCase()}`
      let g = groups.get(key)
      if (!g) {
        g = {
          key,
          kind: r.identifierKind,
          display: r.identifierDisplay,
          count: 0,
          latestAt: r.receivedAt,
          verdict: r.verdict,
          knownScam: known.has(key),
          urgent: false,
          byStatus: {},
          reports: [],
        }
        groups.set(key, g)
      }
      g.count++
      g.urgent ||= r.urgent
      g.byStatus[r.status] = (g.byStatus[r.status] ?? 0) + 1
      if (STRENGTH.indexOf(r.verdict) < STRENGTH.indexOf(g.verdict)) g.verdict = r.verdict
      g.reports.push(r)
    }
    // Someone who handed over a code, a password or bank details comes first; otherwise newest first.
    const all = [...groups.values()].sort((a, b) => Number(b.urgent) - Number(a.urgent))
    for (const g of all) g.reports.sort((a, b) => Number(b.urgent) - Number(a.urgent))
    return { groups: all.slice(0, req.query.limit), total: all.length }
  })

  serve(app, supportApi.triageAction, async (req) => {
    const { user } = requireRole(req, IT)
    const body = req.body
    const ids = [...new Set(body.reportIds)]
    const now = deps.now()
    return deps.db.tx(async (q) => {
      const found = await triageRepo.lock(q, ids)
      if (found.length !== ids.length) {
        const missing = ids.filter((id) => !found.some((f) => f.id === id))
        throw new HttpError(
          'not_found',
          'Some of these reports were not found',
          missing.map((id) => ({ path: 'reportIds', code: 'not_found', message: id })),
        )
      }
      let notified = 0
      let knownScamsAdded = 0
      if (body.action === 'assign') {
        if (body.assigneeId && !(await triageRepo.assignable(q, body.assigneeId))) {
          throw new HttpError('validation_failed', 'Reports can be assigned to IT or compliance staff only', [
            { path: 'assigneeId', code: 'invalid_assignee', message: 'Not an IT or compliance member' },
          ])
        }
        await triageRepo.assign(q, ids, body.assigneeId, now)
      } else if (body.action === 'note') {
        await triageRepo.addNote(q, ids, user.id, body.body, now)
      } else {
        const final = FINAL_REPORT_STATUSES.includes(body.status)
        if (body.status === 'duplicate') {
          if (!body.duplicateOf || ids.includes(body.duplicateOf)) {
            throw new HttpError('validation_failed', 'Name the report these duplicate', [
              { path: 'duplicateOf', code: 'required', message: 'duplicateOf is required and must be another report' },
            ])
          }
          if (!(await triageRepo.inQueue(q, body.duplicateOf))) {
            throw new HttpError('validation_failed', 'The original report was not found', [
              { path: 'duplicateOf', code: 'not_found', message: 'No such report' },
            ])
          }
        }
        const changed = found.filter((f) => f.status !== body.status)
        await triageRepo.setStatus(
          q,
          changed.map((f) => f.id),
          {
            status: body.status,
            final,
            resolution: body.resolution ?? null,
            decidedBy: user.id,
            duplicateOf: body.status === 'duplicate' ? body.duplicateOf! : null,
            now,
          },
        )
        if (body.status === 'confirmed_scam') {
          for (const f of changed) {
            if (!f.identifier_key) continue
            const value = f.identifier_key.slice(f.identifier_key.indexOf(':') + 1)
            const note = `report ${f.id}`
            const added = await knownScamsRepo.add(q, {
              kind: f.identifier_kind,
              value,
              display: f.identifier_display,
              source: 'confirmed_report',
              note,
              addedBy: user.id,
              now,
            })
            if (added) knownScamsAdded++
          }
        }
        if (final) {
          // Each reporter is told of their report, in their own language.
          for (const f of changed) {
            const told = { display: f.identifier_display, resolution: body.resolution ?? null }
            const sent = await notifyEach(q, {
              // A final status always has a verdict text.
              userIds: [f.reporter_id],
              kind: 'support.verdict',
              text: (locale) => verdictText(locale, body.status, told)!,
              link: appLink(deps.env, 'support-report', `/reports/${f.id}`),
              dedupeKey: `support-verdict:${f.id}:${body.status}:${now.getTime()}`,
            })
            if (sent.length) notified++
          }
        }
      }
      await auditFor(req, q, {
        action: `support.triage.${body.action}`,
        targetType: 'support_report',
        targetId: ids.length === 1 ? ids[0]! : null,
        detail: {
          reportIds: ids,
          ...(body.action === 'assign' ? { assigneeId: body.assigneeId } : {}),
          ...(body.action === 'set_status'
            ? { status: body.status, duplicateOf: body.duplicateOf ?? null, notified, knownScamsAdded }
            : {}),
        },
      })
      return { updated: ids.length, notified, knownScamsAdded }
    })
  })

  serve(app, supportApi.triageExport, async (req, reply) => {
    requireRole(req, IT)
    const reports = await triageRepo.queue(deps.db, req.query)
    await deps.db.tx((q) =>
      auditFor(req, q, {
        action: 'support.triage.export',
        targetType: 'support_report',
        detail: { rows: reports.length, status: req.query.status ?? null },
      }),
    )
    const rows: CsvValue[][] = [EXPORT_HEAD]
    for (const r of reports) {
      rows.push([
        r.id,
        r.receivedAt,
        r.reportedAt,
        r.status,
        r.identifierKind,
        r.identifierKey,
        r.identifier,
        r.channel,
        r.claimedIdentity,
        r.askedFor,
        r.complied,
        r.lossAmount,
        r.lossCurrency,
        r.verdict,
        r.reasons.map((x) => x.code),
        r.reporterName,
        r.department,
        r.assigneeName,
        r.resolution,
      ])
    }
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="support-reports-${deps.now().toISOString().slice(0, 10)}.csv"`,
      )
    return reply.send(Readable.from([csvDocument(rows)]))
  })
}
