import { caseRoomApi, decide, isInternalRole } from '@suite/domain'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { enqueueSyncForMember } from '../court-calendar/changes'
import { enqueue } from '../jobs/queue'
import { notifyEach } from '../jobs/notify'
import { findUser, findUserByDingTalkId, upsertDingTalkUser } from '../users/repo'
import { enforce, openCase } from './guard'
import { revokeMemberReentry } from './reentry'
import { requireCaseStepUp } from './step-up'
import { caseRoomText } from './messages'
import { membersRepo, toMemberView } from './members-repo'
import { hongKongMinute } from './watermark'

const DAY = 86_400_000
/** Externals' access: warn this long before it ends. */
const EXPIRY_WARNING_MS = 3 * DAY

/** Members of a case, internal additions (DingTalk picker or directory), revocation, ethical walls, expiry reminders. */
export async function caseMemberRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, caseRoomApi.members.list, async (req) => {
    const now = deps.now()
    const a = await openCase(db, req, req.params.caseId, now)
    const all = (await membersRepo.list(db, a.caseRow.id)).map((r) => toMemberView(r, now))
    // Externals see the firm's team and themselves; never other outsiders, walls or lapsed entries.
    const items = a.internal
      ? all
      : all.filter((m) => m.userId === a.auth.user.id || (m.internal && m.status === 'active'))
    return { items: items.map((m) => (a.internal ? m : { ...m, wallReason: null })) }
  })

  serve(app, caseRoomApi.members.add, async (req) => {
    const now = deps.now()
    const pre = await openCase(db, req, req.params.caseId, now)
    enforce(decide(pre.subject, req.body.tierCeiling, 'invite'))
    // People picked in DingTalk who never opened the suite are fetched from the directory first.
    const ids = [...req.body.userIds]
    for (const dtId of req.body.dingtalkUserIds) {
      const known = await findUserByDingTalkId(db, dtId)
      if (known) {
        ids.push(known.id)
        continue
      }
      let profile
      try {
        profile = await deps.dingtalk.getUser(dtId)
      } catch {
        throw new HttpError('upstream_unavailable', 'DingTalk did not return this person; try again in a moment')
      }
      ids.push((await db.tx((q) => upsertDingTalkUser(q, pre.caseRow.org_id, profile))).row.id)
    }
    const added: string[] = []
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, req.body.tierCeiling, 'invite'))
      for (const [i, id] of [...new Set(ids)].entries()) {
        const u = await findUser(q, id)
        const path = `userIds.${i}`
        if (!u || !u.active || u.org_id !== a.caseRow.org_id) {
          throw new HttpError('validation_failed', 'Unknown person', [
            { path, code: 'unknown', message: 'No such active user' },
          ])
        }
        if (!isInternalRole(u.role)) {
          throw new HttpError('validation_failed', 'People outside the firm join by invitation link', [
            { path, code: 'external', message: 'Use an invitation for externals' },
          ])
        }
        const existing = await membersRepo.find(q, a.caseRow.id, id)
        if (existing?.status === 'walled')
          throw new HttpError('conflict', `${u.name} is behind an ethical wall on this case; lift the wall first`)
        if (existing?.status === 'active' && existing.tier_ceiling === req.body.tierCeiling) continue
        await membersRepo.addInternal(q, {
          caseId: a.caseRow.id,
          userId: id,
          tierCeiling: req.body.tierCeiling,
          addedBy: a.auth.user.id,
          now,
        })
        added.push(id)
        // Hearings and deadlines of the case that name them go back into their DingTalk calendar.
        await enqueueSyncForMember(q, a.caseRow.id, id, now)
        await auditFor(req, q, {
          action: 'case.member_add',
          targetType: 'user',
          targetId: id,
          caseId: a.caseRow.id,
          detail: { tierCeiling: req.body.tierCeiling, previous: existing?.status ?? null },
        })
      }
      await notifyEach(q, {
        userIds: added,
        kind: 'case.member_added',
        caseId: a.caseRow.id,
        link: appLink(deps.env, 'case-room', `/cases/${a.caseRow.id}`),
        text: (l) =>
          caseRoomText(l, 'memberAdded', {
            number: a.caseRow.number,
            actor: a.auth.user.name,
            caseTitle: a.caseRow.title,
          }),
      })
    })
    return { items: (await membersRepo.list(db, pre.caseRow.id)).map((r) => toMemberView(r, now)) }
  })

  // Revoke at once: every later request of theirs is checked against this row.
  serve(app, caseRoomApi.members.revoke, async (req) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const target = await membersRepo.find(q, a.caseRow.id, req.params.userId)
      if (!target) throw notFound('Member not found')
      enforce(decide(a.subject, target.tier_ceiling, 'revoke'), 'Member not found')
      if (target.user_id === a.auth.user.id) throw new HttpError('conflict', 'You cannot remove yourself from a case')
      if (target.status === 'walled')
        throw new HttpError('conflict', 'This person is behind an ethical wall; the wall stays until it is lifted')
      await membersRepo.revoke(q, a.caseRow.id, target.user_id, a.auth.user.id, now)
      // Their saved device access and any unused sign-in link end in the same step.
      const reentry = await revokeMemberReentry(q, a.caseRow.id, target.user_id, 'member_revoked', now)
      // Their DingTalk calendar loses the case's hearings and deadlines.
      await enqueueSyncForMember(q, a.caseRow.id, target.user_id, now)
      await auditFor(req, q, {
        action: 'case.member_revoke',
        targetType: 'user',
        targetId: target.user_id,
        caseId: a.caseRow.id,
        detail: { previous: target.status, tierCeiling: target.tier_ceiling, reentryEnded: reentry },
      })
    })
  })

  // An ethical wall is checked before every grant (decide()), so it holds even against a partner role.
  serve(app, caseRoomApi.members.wall, async (req) => {
    const now = deps.now()
    return db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'private', 'revoke'))
      const u = await findUser(q, req.body.userId)
      if (!u || u.org_id !== a.caseRow.org_id) {
        throw new HttpError('validation_failed', 'Unknown person', [
          { path: 'userId', code: 'unknown', message: 'No such user' },
        ])
      }
      if (!isInternalRole(u.role)) {
        throw new HttpError(
          'validation_failed',
          'Walls apply to the firm’s own people; revoke an external member instead',
          [{ path: 'userId', code: 'external', message: 'Not an internal user' }],
        )
      }
      if (u.id === a.auth.user.id) throw new HttpError('conflict', 'You cannot wall yourself off a case')
      await membersRepo.wall(q, {
        caseId: a.caseRow.id,
        userId: u.id,
        reason: req.body.reason,
        by: a.auth.user.id,
        now,
      })
      // Walled off: their DingTalk calendar loses the case's hearings and deadlines.
      await enqueueSyncForMember(q, a.caseRow.id, u.id, now)
      await auditFor(req, q, {
        action: 'case.wall_add',
        targetType: 'user',
        targetId: u.id,
        caseId: a.caseRow.id,
        detail: { reason: req.body.reason },
      })
      return toMemberView((await membersRepo.find(q, a.caseRow.id, u.id))!, now)
    })
  })

  // Lifting a wall is privileged: a step-up first, and the person gets no access back by it (add them again if they should).
  serve(app, caseRoomApi.members.liftWall, async (req) => {
    const now = deps.now()
    const pre = await openCase(db, req, req.params.caseId, now)
    enforce(decide(pre.subject, 'private', 'revoke'))
    const target = await membersRepo.find(db, pre.caseRow.id, req.params.userId)
    if (!target || target.status !== 'walled') throw notFound('No wall for this person')
    await requireCaseStepUp(req, {
      action: 'case.wall_lift',
      targetType: 'user',
      targetId: target.user_id,
      caseId: pre.caseRow.id,
    })
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'private', 'revoke'))
      if (!(await membersRepo.liftWall(q, a.caseRow.id, req.params.userId, a.auth.user.id, now)))
        throw notFound('No wall for this person')
      await auditFor(req, q, {
        action: 'case.wall_lift',
        targetType: 'user',
        targetId: req.params.userId,
        caseId: a.caseRow.id,
        detail: { reason: target.wall_reason },
      })
    })
  })

  // Daily: tell the firm which externals' access ends within three days (each warning once).
  deps.jobHandlers['case-room.expiry-scan'] = async (_job, { db: jobDb }) => {
    const now = deps.now()
    for (const r of await membersRepo.externalsExpiring(jobDb, now, new Date(now.getTime() + EXPIRY_WARNING_MS))) {
      const to = [
        ...new Set([...(r.added_by ? [r.added_by] : []), ...(await membersRepo.activePartners(jobDb, r.case_id))]),
      ]
      const ends = new Date(r.expires_at)
      await jobDb.tx((q) =>
        notifyEach(q, {
          userIds: to,
          kind: 'case.access_expiring',
          caseId: r.case_id,
          dedupeKey: `access-expiring:${r.case_id}:${r.user_id}:${ends.toISOString()}`,
          text: (l) => caseRoomText(l, 'accessExpiring', { number: r.number, name: r.name, at: hongKongMinute(ends) }),
        }),
      )
    }
    const next = new Date(now.getTime() + DAY)
    await enqueue(
      jobDb,
      'case-room.expiry-scan',
      {},
      { runAt: next, dedupeKey: `case-room.expiry-scan:${next.toISOString().slice(0, 10)}` },
    )
  }
  await enqueue(
    db,
    'case-room.expiry-scan',
    {},
    { dedupeKey: `case-room.expiry-scan:${deps.now().toISOString().slice(0, 10)}` },
  )
}
