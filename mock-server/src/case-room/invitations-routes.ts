import { randomBytes, randomUUID } from 'node:crypto'
import { caseRoomApi, decide, endOfHongKongDay, type InvitationAccepted } from '@suite/domain'
import type { App, Deps } from '../deps'
import { appendAudit } from '../audit/log'
import { sha256 } from '../auth/sessions'
import { serve } from '../http/endpoint'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { notifyEach } from '../jobs/notify'
import { enforce, membersWhoSee, openCase } from './guard'
import { issueReentry, openExternalSession, reentryEnd, setReentryCookie, setSessionCookie } from './reentry'
import { caseRoomText, externalRoleName, tierName } from './messages'
import { invitationsRepo, toInvitation } from './invitations-repo'
import { membersRepo } from './members-repo'
import { eventsRepo } from './timeline-repo'

/**
 * External members join by a one-time link: the token is shown once, stored only as a hash,
 * works once and only until the link expires. Accepting creates the external user, their
 * membership (role, tier ceiling, expiry date or milestone), a session, and a device re-entry
 * credential for coming back later (reentry-routes.ts), with no DingTalk.
 */
export async function caseInvitationRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps

  serve(app, caseRoomApi.invitations.create, async (req) => {
    const now = deps.now()
    const b = req.body
    const token = randomBytes(32).toString('base64url')
    const id = `inv-${randomUUID()}`
    const row = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, b.tierCeiling, 'invite'))
      if (b.accessExpiry.kind === 'date' && endOfHongKongDay(b.accessExpiry.date) <= now) {
        throw new HttpError('validation_failed', 'The access end date has passed', [
          { path: 'accessExpiry.date', code: 'past', message: 'Choose today or a later date' },
        ])
      }
      if (b.accessExpiry.kind === 'milestone') {
        const path = 'accessExpiry.milestoneId'
        const m = await eventsRepo.find(q, a.caseRow.id, b.accessExpiry.milestoneId)
        if (!m || m.kind !== 'milestone') {
          throw new HttpError('validation_failed', 'No such milestone in this case', [
            { path, code: 'unknown', message: 'Unknown milestone' },
          ])
        }
        if (m.reached_at) {
          throw new HttpError('validation_failed', 'This milestone has already been reached', [
            { path, code: 'reached', message: 'Milestone already reached' },
          ])
        }
      }
      const created = await invitationsRepo.create(q, {
        id,
        caseId: a.caseRow.id,
        tokenHash: sha256(token),
        name: b.name,
        contact: b.contact ?? null,
        role: b.role,
        tierCeiling: b.tierCeiling,
        accessExpiry: b.accessExpiry,
        linkExpiresAt: new Date(now.getTime() + b.linkValidHours * 3_600_000),
        createdBy: a.auth.user.id,
        now,
      })
      await auditFor(req, q, {
        action: 'case.invitation_create',
        targetType: 'invitation',
        targetId: id,
        caseId: a.caseRow.id,
        detail: { name: b.name, role: b.role, tierCeiling: b.tierCeiling, accessExpiry: b.accessExpiry },
      })
      await notifyEach(q, {
        userIds: await membersWhoSee(q, a.caseRow.id, 'private', now, [a.auth.user.id]),
        kind: 'case.invitation',
        caseId: a.caseRow.id,
        link: appLink(deps.env, 'case-room', `/cases/${a.caseRow.id}/members`),
        text: (l) =>
          caseRoomText(l, 'invitationSent', {
            number: a.caseRow.number,
            actor: a.auth.user.name,
            name: b.name,
            role: externalRoleName(l, b.role),
            tier: tierName(l, b.tierCeiling),
          }),
      })
      return created
    })
    return { invitation: toInvitation(row, now), token, url: appLink(deps.env, 'case-room', `/invite/${token}`) }
  })

  serve(app, caseRoomApi.invitations.list, async (req) => {
    const now = deps.now()
    const a = await openCase(db, req, req.params.caseId, now)
    enforce(decide(a.subject, 'private', 'list'))
    return { items: (await invitationsRepo.list(db, a.caseRow.id)).map((r) => toInvitation(r, now)) }
  })

  serve(app, caseRoomApi.invitations.revoke, async (req) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const inv = await invitationsRepo.find(q, a.caseRow.id, req.params.invitationId)
      if (!inv) throw notFound('Invitation not found')
      enforce(decide(a.subject, inv.tier_ceiling, 'revoke'), 'Invitation not found')
      if (inv.accepted_at)
        throw new HttpError('conflict', 'This invitation was already accepted; revoke the member instead')
      await invitationsRepo.revoke(q, inv.id, now)
      await auditFor(req, q, {
        action: 'case.invitation_revoke',
        targetType: 'invitation',
        targetId: inv.id,
        caseId: a.caseRow.id,
      })
    })
  })

  serve(
    app,
    caseRoomApi.invitations.accept,
    async (req, reply) => {
      const now = deps.now()
      const result = await db.tx(async (q) => {
        const inv = await invitationsRepo.lockByToken(q, sha256(req.body.token))
        if (!inv || inv.revoked_at) throw notFound('This invitation link is not valid. Ask the firm for a new one.')
        if (inv.accepted_at)
          throw new HttpError('conflict', 'This invitation link has already been used. Ask the firm for a new one.')
        if (new Date(inv.link_expires_at) <= now)
          throw new HttpError('conflict', 'This invitation link has expired. Ask the firm for a new one.')
        const accessEnds = inv.access_expires_on ? endOfHongKongDay(inv.access_expires_on) : null
        if ((accessEnds && accessEnds <= now) || inv.reached_at) {
          throw new HttpError(
            'conflict',
            'The access this invitation offered has already ended. Ask the firm for a new one.',
          )
        }
        if (inv.restricted_to_internal || inv.status === 'closed') {
          throw new HttpError(
            'conflict',
            'The firm has paused outside access to this case. Try again later or contact the firm.',
          )
        }
        const userId = `u-ext-${randomUUID()}`
        const user = await invitationsRepo.createExternalUser(q, {
          id: userId,
          orgId: inv.org_id,
          name: inv.name,
          role: inv.role,
        })
        await membersRepo.addExternal(q, {
          caseId: inv.case_id,
          userId,
          tierCeiling: inv.tier_ceiling,
          expiresAt: accessEnds,
          milestoneId: inv.expiry_milestone_id,
          addedBy: inv.created_by,
          now,
        })
        await invitationsRepo.markAccepted(q, inv.id, userId, now)
        const { opened, session } = await openExternalSession(q, req, env, userId, now)
        // This browser may open a new session later without a new invitation (see reentry.ts).
        const reentry = await issueReentry(q, {
          caseId: inv.case_id,
          userId,
          via: 'invitation',
          expiresAt: reentryEnd(now, accessEnds),
          userAgent: req.headers['user-agent'],
          now,
        })
        await appendAudit(q, {
          actorId: userId,
          actorName: user.name,
          action: 'case.invitation_accept',
          targetType: 'invitation',
          targetId: inv.id,
          caseId: inv.case_id,
          requestId: req.id,
          detail: {
            role: inv.role,
            tierCeiling: inv.tier_ceiling,
            reentryFamilyId: reentry.familyId,
            reentryExpiresAt: reentry.expiresAt.toISOString(),
          },
        })
        await notifyEach(q, {
          userIds: [inv.created_by],
          kind: 'case.invitation_accepted',
          caseId: inv.case_id,
          link: appLink(deps.env, 'case-room', `/cases/${inv.case_id}/members`),
          text: (l) => caseRoomText(l, 'invitationAccepted', { number: inv.number, name: inv.name }),
        })
        return { opened, session, caseId: inv.case_id, reentry }
      })
      setSessionCookie(reply, env, result.opened)
      setReentryCookie(reply, env, result.reentry)
      return { session: result.session, caseId: result.caseId as InvitationAccepted['caseId'] }
    },
    { config: { rateLimit: { max: env.SIGN_IN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } } },
  )
}
