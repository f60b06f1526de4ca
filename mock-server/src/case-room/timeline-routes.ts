import { randomUUID } from 'node:crypto'
import { caseRoomApi, decide } from '@suite/domain'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { notifyEach } from '../jobs/notify'
import { enforce, membersWhoSee, openCase } from './guard'
import { caseRoomText, eventKey } from './messages'
import { membersRepo } from './members-repo'
import { eventsRepo, toEvent, touchCase } from './timeline-repo'

/**
 * The public timeline of a case: milestones, hearing dates, notices and progress updates,
 * which every member sees (clients included). Marking a milestone reached ends the access
 * of every external member whose expiry is bound to it.
 */
export async function caseTimelineRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps
  const timelineLink = (caseId: string) => appLink(deps.env, 'case-room', `/cases/${caseId}/timeline`)

  serve(app, caseRoomApi.events.list, async (req) => {
    const a = await openCase(db, req, req.params.caseId, deps.now())
    enforce(decide(a.subject, 'public', 'list'))
    return { items: (await eventsRepo.list(db, a.caseRow.id)).map(toEvent) }
  })

  serve(app, caseRoomApi.events.create, async (req) => {
    const now = deps.now()
    const row = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'public', 'edit'))
      const id = `evt-${randomUUID()}`
      const b = req.body
      await eventsRepo.create(q, {
        id,
        caseId: a.caseRow.id,
        kind: b.kind,
        title: b.title,
        body: b.body,
        occursAt: new Date(b.occursAt),
        createdBy: a.auth.user.id,
        now,
      })
      await touchCase(q, a.caseRow.id, now)
      await auditFor(req, q, {
        action: 'case.event_create',
        targetType: 'event',
        targetId: id,
        caseId: a.caseRow.id,
        detail: { kind: b.kind, title: b.title },
      })
      await notifyEach(q, {
        userIds: await membersWhoSee(q, a.caseRow.id, 'public', now, [a.auth.user.id]),
        kind: `case.event.${b.kind}`,
        caseId: a.caseRow.id,
        link: timelineLink(a.caseRow.id),
        text: (l) => caseRoomText(l, eventKey(b.kind), { number: a.caseRow.number, title: b.title }),
      })
      return (await eventsRepo.find(q, a.caseRow.id, id))!
    })
    return toEvent(row)
  })

  serve(app, caseRoomApi.events.update, async (req) => {
    const now = deps.now()
    const row = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const ev = await eventsRepo.find(q, a.caseRow.id, req.params.eventId)
      if (!ev) throw notFound('Timeline entry not found')
      enforce(decide(a.subject, 'public', 'edit'))
      const b = req.body
      if (b.reached !== undefined && ev.kind !== 'milestone') {
        throw new HttpError('validation_failed', 'Only milestones can be reached', [
          { path: 'reached', code: 'not_milestone', message: 'Not a milestone' },
        ])
      }
      const reachedAt = b.reached === undefined ? ev.reached_at : b.reached ? (ev.reached_at ?? now) : null
      const occursAt = b.occursAt === undefined ? undefined : new Date(b.occursAt)
      await eventsRepo.update(q, a.caseRow.id, ev.id, { title: b.title, body: b.body, occursAt, reachedAt }, now)
      if (b.reached && !ev.reached_at) {
        // Access bound to this milestone ends now; the next request of each such member is refused.
        const accessEnded = await membersRepo.endAccessAtMilestone(q, a.caseRow.id, ev.id, now)
        await auditFor(req, q, {
          action: 'case.milestone_reached',
          targetType: 'event',
          targetId: ev.id,
          caseId: a.caseRow.id,
          detail: { title: ev.title, accessEnded },
        })
        await notifyEach(q, {
          userIds: await membersWhoSee(q, a.caseRow.id, 'public', now, [a.auth.user.id]),
          kind: 'case.milestone_reached',
          caseId: a.caseRow.id,
          link: timelineLink(a.caseRow.id),
          text: (l) => caseRoomText(l, 'milestoneReached', { number: a.caseRow.number, title: ev.title }),
        })
      } else {
        await auditFor(req, q, {
          action: 'case.event_update',
          targetType: 'event',
          targetId: ev.id,
          caseId: a.caseRow.id,
          detail: { ...b },
        })
      }
      return (await eventsRepo.find(q, a.caseRow.id, ev.id))!
    })
    return toEvent(row)
  })
}
