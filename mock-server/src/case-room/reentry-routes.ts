import { randomBytes, randomUUID } from 'node:crypto'
import { caseRoomApi, decide, isInternalRole, type CaseRoomEntered, type SignInLinkCreated } from '@suite/domain'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { appendAudit } from '../audit/log'
import { revokeUserSessions, sha256 } from '../auth/sessions'
import { serve } from '../http/endpoint'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { enforce, openCase, type CaseAccess } from './guard'
import {
  REENTRY_RACE_MS,
  clearReentryCookie,
  issueReentry,
  memberAccess,
  openExternalSession,
  reentryEnd,
  reentryToken,
  revokeFamily,
  revokeMemberReentry,
  setReentryCookie,
  setSessionCookie,
} from './reentry'
import { membersRepo, type MemberRow } from './members-repo'
import { reentryRepo } from './reentry-repo'

const NO_ACCESS =
  'This device can no longer open the case room. Use the newest link the firm sent you, or ask the firm for a new one.'

/** What a successful way in leaves in the browser, or why it was refused. */
type Entry<Refusal> =
  | {
      ok: true
      entered: CaseRoomEntered
      sessionCookie: Parameters<typeof setSessionCookie>[2]
      next: Parameters<typeof setReentryCookie>[2]
    }
  | ({ ok: false } & Refusal)

/** An external member of the case the caller may manage (`action` on their tier ceiling), or 404. */
async function externalMember(
  q: Queryable,
  a: CaseAccess,
  userId: string,
  action: 'invite' | 'revoke',
): Promise<MemberRow> {
  const m = await membersRepo.find(q, a.caseRow.id, userId)
  if (!m) throw notFound('Member not found')
  enforce(decide(a.subject, m.tier_ceiling, action), 'Member not found')
  if (isInternalRole(m.role)) {
    throw new HttpError('validation_failed', 'Firm members sign in through DingTalk', [
      { path: 'userId', code: 'internal', message: 'Not an external member' },
    ])
  }
  return m
}

/**
 * A way back in for external members, without a new invitation (and so without a new user):
 * the device re-entry credential left by accepting an invitation, and one-time sign-in links a
 * partner sends an existing external. Both are refused the moment the member is revoked,
 * expired or suspended; every use, refusal and replay is audited.
 */
export async function caseReentryRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps
  const rateLimit = { config: { rateLimit: { max: env.SIGN_IN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } } }

  // The session ended (12 h) but this browser still holds the member's re-entry credential.
  serve(
    app,
    caseRoomApi.reEntry.enter,
    async (req, reply) => {
      const now = deps.now()
      const token = reentryToken(req)
      if (token === null) throw new HttpError('unauthenticated', 'This device has no saved access to a case room')
      if (token === 'forged') {
        clearReentryCookie(reply, env)
        throw new HttpError('unauthenticated', NO_ACCESS)
      }
      const outcome = await db.tx(async (q): Promise<Entry<{ clear: boolean }>> => {
        const cred = await reentryRepo.lockCredential(q, sha256(token))
        if (!cred) return { ok: false, clear: true }
        const audit = (action: string, detail: Record<string, unknown>) =>
          appendAudit(
            q,
            {
              actorId: cred.user_id,
              actorName: cred.user_name,
              action,
              targetType: 'user',
              targetId: cred.user_id,
              caseId: cred.case_id,
              requestId: req.id,
              detail: { familyId: cred.family_id, credentialId: cred.id, ...detail },
            },
            now,
          )
        if (cred.revoked_at) {
          await audit('case.reentry_refused', { reason: 'revoked' })
          return { ok: false, clear: true }
        }
        if (cred.used_at) {
          // Two tabs waking at once both present the same token: refuse the slower one, keep the family.
          if (now.getTime() - new Date(cred.used_at).getTime() < REENTRY_RACE_MS) {
            await audit('case.reentry_refused', { reason: 'concurrent_use' })
            return { ok: false, clear: false }
          }
          // A used token again: someone kept a copy. End the family, the legitimate browser included.
          const ended = await revokeFamily(q, cred.family_id, 'replayed', now)
          await audit('case.reentry_replayed', {
            usedAt: new Date(cred.used_at).toISOString(),
            credentialsEnded: ended,
            ip: req.ip,
          })
          return { ok: false, clear: true }
        }
        if (new Date(cred.expires_at) <= now) {
          await audit('case.reentry_refused', { reason: 'expired' })
          return { ok: false, clear: true }
        }
        const access = await memberAccess(q, cred.case_id, cred.user_id, now)
        if (!access || !access.userActive || (access.status !== 'active' && access.status !== 'suspended')) {
          const reason = !access ? 'not_a_member' : !access.userActive ? 'user_inactive' : `member_${access.status}`
          await revokeFamily(q, cred.family_id, reason, now)
          await audit('case.reentry_refused', { reason })
          return { ok: false, clear: true }
        }
        if (access.status === 'suspended') {
          // "Restrict to internal" is a pause: refuse now, keep the credential for when it is lifted.
          await audit('case.reentry_refused', { reason: 'member_suspended' })
          return { ok: false, clear: false }
        }
        await reentryRepo.markCredentialUsed(q, cred.id, now)
        const end =
          access.expiresAt && access.expiresAt < new Date(cred.expires_at)
            ? access.expiresAt
            : new Date(cred.expires_at)
        const next = await issueReentry(q, {
          caseId: cred.case_id,
          userId: cred.user_id,
          via: 'rotation',
          familyId: cred.family_id,
          expiresAt: end,
          userAgent: req.headers['user-agent'],
          now,
        })
        const { opened, session } = await openExternalSession(q, req, env, cred.user_id, now)
        await audit('case.reentry_sign_in', { nextCredentialId: next.id, reentryExpiresAt: end.toISOString() })
        return {
          ok: true,
          entered: { session, caseId: cred.case_id as CaseRoomEntered['caseId'] },
          sessionCookie: opened,
          next,
        }
      })
      if (!outcome.ok) {
        if (outcome.clear) clearReentryCookie(reply, env)
        throw new HttpError('unauthenticated', NO_ACCESS)
      }
      setSessionCookie(reply, env, outcome.sessionCookie)
      setReentryCookie(reply, env, outcome.next)
      return outcome.entered
    },
    rateLimit,
  )

  // Signing out on this device ends its re-entry credential too, or signing out would not stick.
  serve(app, caseRoomApi.reEntry.forget, async (req, reply) => {
    const now = deps.now()
    const token = reentryToken(req)
    if (token && token !== 'forged') {
      await db.tx(async (q) => {
        const cred = await reentryRepo.unrevokedCredential(q, sha256(token))
        if (!cred) return
        const ended = await revokeFamily(q, cred.family_id, 'signed_out', now)
        await appendAudit(
          q,
          {
            actorId: cred.user_id,
            actorName: cred.user_name,
            action: 'case.reentry_forget',
            targetType: 'user',
            targetId: cred.user_id,
            caseId: cred.case_id,
            requestId: req.id,
            detail: { familyId: cred.family_id, credentialsEnded: ended },
          },
          now,
        )
      })
    }
    clearReentryCookie(reply, env)
  })

  // A partner sends an existing external member a one-time way back in (no new user, same membership).
  serve(app, caseRoomApi.members.signInLink, async (req) => {
    const now = deps.now()
    const token = randomBytes(32).toString('base64url')
    const id = `sil-${randomUUID()}`
    const made = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const m = await externalMember(q, a, req.params.userId, 'invite')
      const access = (await memberAccess(q, a.caseRow.id, m.user_id, now))!
      if (access.status === 'suspended')
        throw new HttpError('conflict', 'Outside access to this case is paused; lift “restrict to internal” first')
      if (access.status !== 'active' || !access.userActive) {
        throw new HttpError('conflict', 'This member’s access has ended; invite them again if they still need it')
      }
      const wanted = new Date(now.getTime() + req.body.linkValidHours * 3_600_000)
      const linkExpiresAt = access.expiresAt && access.expiresAt < wanted ? access.expiresAt : wanted
      // One live link per member: a new one replaces any unused earlier one.
      const replaced = await reentryRepo.replaceLinks(q, a.caseRow.id, m.user_id, now)
      await reentryRepo.insertLink(q, {
        id,
        caseId: a.caseRow.id,
        userId: m.user_id,
        tokenHash: sha256(token),
        linkExpiresAt,
        createdBy: a.auth.user.id,
        now,
      })
      await auditFor(req, q, {
        action: 'case.sign_in_link_create',
        targetType: 'user',
        targetId: m.user_id,
        caseId: a.caseRow.id,
        detail: { linkId: id, linkExpiresAt: linkExpiresAt.toISOString(), replacedLinks: replaced },
      })
      return {
        userId: m.user_id as SignInLinkCreated['userId'],
        name: m.name,
        linkExpiresAt: linkExpiresAt.toISOString(),
      }
    })
    return { ...made, token, url: appLink(deps.env, 'case-room', `/sign-in/${token}`) }
  })

  serve(
    app,
    caseRoomApi.signInLinks.redeem,
    async (req, reply) => {
      const now = deps.now()
      const outcome = await db.tx(async (q): Promise<Entry<{ error: HttpError }>> => {
        const link = await reentryRepo.lockLink(q, sha256(req.body.token))
        if (!link || link.revoked_at)
          return { ok: false, error: notFound('This sign-in link is not valid. Ask the firm for a new one.') }
        const audit = (action: string, detail: Record<string, unknown>) =>
          appendAudit(
            q,
            {
              actorId: link.user_id,
              actorName: link.user_name,
              action,
              targetType: 'user',
              targetId: link.user_id,
              caseId: link.case_id,
              requestId: req.id,
              detail: { linkId: link.id, ...detail },
            },
            now,
          )
        if (link.used_at) {
          await audit('case.sign_in_link_replayed', { usedAt: new Date(link.used_at).toISOString(), ip: req.ip })
          return {
            ok: false,
            error: new HttpError('conflict', 'This sign-in link has already been used. Ask the firm for a new one.'),
          }
        }
        if (new Date(link.link_expires_at) <= now) {
          return {
            ok: false,
            error: new HttpError('conflict', 'This sign-in link has expired. Ask the firm for a new one.'),
          }
        }
        const access = await memberAccess(q, link.case_id, link.user_id, now)
        if (!access || !access.userActive || access.status !== 'active') {
          const reason = !access ? 'not_a_member' : !access.userActive ? 'user_inactive' : `member_${access.status}`
          await audit('case.sign_in_link_refused', { reason })
          return {
            ok: false,
            error: new HttpError(
              'conflict',
              access?.status === 'suspended'
                ? 'The firm has paused outside access to this case. Try again later or contact the firm.'
                : 'Your access to this case has ended. Contact the firm if you still need it.',
            ),
          }
        }
        await reentryRepo.markLinkUsed(q, link.id, now)
        const next = await issueReentry(q, {
          caseId: link.case_id,
          userId: link.user_id,
          via: 'sign_in_link',
          expiresAt: reentryEnd(now, access.expiresAt),
          userAgent: req.headers['user-agent'],
          now,
        })
        const { opened, session } = await openExternalSession(q, req, env, link.user_id, now)
        await audit('case.sign_in_link_redeem', {
          familyId: next.familyId,
          reentryExpiresAt: next.expiresAt.toISOString(),
        })
        return {
          ok: true,
          entered: { session, caseId: link.case_id as CaseRoomEntered['caseId'] },
          sessionCookie: opened,
          next,
        }
      })
      if (!outcome.ok) throw outcome.error
      setSessionCookie(reply, env, outcome.sessionCookie)
      setReentryCookie(reply, env, outcome.next)
      return outcome.entered
    },
    rateLimit,
  )

  // A lost phone: end the external's sessions, device credentials and unused links; the membership stays.
  serve(app, caseRoomApi.members.signOutDevices, async (req) => {
    const now = deps.now()
    return db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const m = await externalMember(q, a, req.params.userId, 'revoke')
      const ended = await revokeMemberReentry(q, a.caseRow.id, m.user_id, 'signed_out_by_firm', now)
      const sessions = (await membersRepo.activeElsewhere(q, m.user_id, a.caseRow.id))
        ? 0
        : await revokeUserSessions(q, m.user_id)
      await auditFor(req, q, {
        action: 'case.reentry_revoke',
        targetType: 'user',
        targetId: m.user_id,
        caseId: a.caseRow.id,
        detail: { ...ended, sessions },
      })
      return { ...ended, sessions }
    })
  })
}
