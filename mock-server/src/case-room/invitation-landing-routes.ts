import { randomUUID } from 'node:crypto'
import {
  INVITATION_CODE_MINUTES,
  INVITATION_CODE_TRIES,
  caseRoomApi,
  endOfHongKongDay,
  parseInviteeContact,
  type InvitationAccepted,
  type InvitationCodeSent,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { appendAudit } from '../audit/log'
import { sha256 } from '../auth/sessions'
import { serve } from '../http/endpoint'
import { HttpError, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { notifyEach } from '../jobs/notify'
import { issueReentry, openExternalSession, reentryEnd, setReentryCookie, setSessionCookie } from './reentry'
import { caseRoomText, invitationText } from './messages'
import { invitationsRepo, type InvitationToAccept } from './invitations-repo'
import { invitationCodeHash, invitationCodeMatches, maskContact, newInvitationCode } from './invitation-codes'
import { membersRepo } from './members-repo'

/** At most this many codes are sent for one invitation (each replaces the last). */
const CODES_PER_INVITATION = 5

/** The one answer for every token that does not open an invitation: unknown, expired, revoked or used. */
const invalidLink = () =>
  notFound('This invitation link is not valid, has expired or was already used. Ask the firm for a new one.')

/** The pending invitation of a token, or the one 404 (same query, same answer for every bad token). */
async function pendingByToken(q: Queryable, token: string, now: Date, lock: boolean): Promise<InvitationToAccept> {
  const inv = await invitationsRepo.byToken(q, sha256(token), lock)
  if (!inv || inv.revoked_at || inv.accepted_at || new Date(inv.link_expires_at) <= now) throw invalidLink()
  return inv
}

/** Refuse when what the invitation offers can no longer be given: access already over, or outside access paused. */
function refuseUnusable(inv: InvitationToAccept, now: Date): Date | null {
  const accessEnds = inv.access_expires_on ? endOfHongKongDay(inv.access_expires_on) : null
  if ((accessEnds && accessEnds <= now) || inv.reached_at) {
    throw new HttpError('conflict', 'The access this invitation offered has already ended. Ask the firm for a new one.')
  }
  if (inv.restricted_to_internal || inv.status === 'closed') {
    throw new HttpError(
      'conflict',
      'The firm has paused outside access to this case. Try again later or contact the firm.',
    )
  }
  return accessEnds
}

type CodeFailure = 'no_code' | 'expired' | 'too_many' | 'wrong'
const CODE_FAILURES: Record<CodeFailure, string> = {
  no_code: 'Ask for a code first',
  expired: 'This code has expired. Ask for a new one.',
  too_many: 'Too many wrong codes. Ask for a new one.',
  wrong: 'This code is not right. Check it and try again.',
}

/**
 * The invitee's side of an invitation link, all public and rate limited: `preview` names the firm,
 * the inviter and the matter (the same 404 for every bad link), `sendCode` sends a one-time code to
 * the contact the lawyer entered (a DingTalk work notification for a directory person, else an SMS
 * or e-mail through the outbox), and `accept` opens a session only with that code. Codes are
 * hashed, live 10 minutes, allow 5 tries, and every sending and refusal is audited.
 */
export async function invitationLandingRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps
  const limited = { config: { rateLimit: { max: env.SIGN_IN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } } }

  serve(
    app,
    caseRoomApi.invitations.preview,
    async (req) => {
      const inv = await pendingByToken(db, req.body.token, deps.now(), false)
      return { firmName: inv.firm_name, inviterName: inv.creator_name, caseNumber: inv.number, caseTitle: inv.title }
    },
    limited,
  )

  serve(
    app,
    caseRoomApi.invitations.sendCode,
    async (req): Promise<InvitationCodeSent> => {
      const now = deps.now()
      return db.tx(async (q) => {
        const inv = await pendingByToken(q, req.body.token, now, true)
        refuseUnusable(inv, now)
        const contact = parseInviteeContact(inv.contact ?? '')
        if (!contact) {
          throw new HttpError(
            'conflict',
            'This invitation names no phone or e-mail to confirm. Ask the firm for a new one.',
          )
        }
        if ((await invitationsRepo.codesSent(q, inv.id)) >= CODES_PER_INVITATION) {
          throw new HttpError(
            'rate_limited',
            'Too many codes were sent for this invitation. Ask the firm for a new one.',
          )
        }
        const code = newInvitationCode()
        const channel = inv.directory_user_id ? 'dingtalk' : contact.kind === 'phone' ? 'sms' : 'email'
        const expiresAt = new Date(now.getTime() + INVITATION_CODE_MINUTES * 60_000)
        await invitationsRepo.newCode(q, {
          id: `ivc-${randomUUID()}`,
          invitationId: inv.id,
          codeHash: invitationCodeHash(deps.secret, inv.id, code),
          channel,
          expiresAt,
          now,
        })
        const words = {
          code,
          minutes: INVITATION_CODE_MINUTES,
          firm: inv.firm_name,
          actor: inv.creator_name,
          number: inv.number,
        }
        if (inv.directory_user_id) {
          await notifyEach(q, {
            userIds: [inv.directory_user_id],
            kind: 'case.invitation_code',
            text: (l) => invitationText(l, 'invitationCode', words),
          })
        } else {
          const m = invitationText(inv.locale, 'invitationCode', words)
          await invitationsRepo.queueExternalMessage(q, {
            id: randomUUID(),
            channel: contact.kind === 'phone' ? 'sms' : 'email',
            address: contact.value,
            locale: inv.locale,
            kind: 'case.invitation_code',
            subject: m.title,
            body: m.body,
            caseId: inv.case_id,
            now,
          })
        }
        await appendAudit(q, {
          actorId: null,
          actorName: inv.name,
          action: 'case.invitation_code_sent',
          targetType: 'invitation',
          targetId: inv.id,
          caseId: inv.case_id,
          requestId: req.id,
          detail: { channel, expiresAt: expiresAt.toISOString() },
        })
        return { channel, sentTo: maskContact(contact), expiresAt: expiresAt.toISOString() }
      })
    },
    limited,
  )

  serve(
    app,
    caseRoomApi.invitations.accept,
    async (req, reply) => {
      const now = deps.now()
      // A refused code is counted and audited (committed), then the refusal is answered.
      const result = await db.tx(async (q) => {
        const inv = await pendingByToken(q, req.body.token, now, true)
        const accessEnds = refuseUnusable(inv, now)
        const current = await invitationsRepo.currentCode(q, inv.id)
        const refuse = async (reason: CodeFailure, tries: number) => {
          await appendAudit(q, {
            actorId: null,
            actorName: inv.name,
            action: 'case.invitation_code_refused',
            targetType: 'invitation',
            targetId: inv.id,
            caseId: inv.case_id,
            requestId: req.id,
            detail: { reason, tries },
          })
          return { refused: reason }
        }
        if (!current) return refuse('no_code', 0)
        if (current.attempts >= INVITATION_CODE_TRIES) return refuse('too_many', current.attempts)
        if (new Date(current.expires_at) <= now) return refuse('expired', current.attempts)
        const tries = await invitationsRepo.tryCode(q, current.id)
        if (!invitationCodeMatches(deps.secret, inv.id, req.body.code, current.code_hash)) {
          return refuse(tries >= INVITATION_CODE_TRIES ? 'too_many' : 'wrong', tries)
        }
        await invitationsRepo.useCode(q, current.id, now)
        const userId = `u-ext-${randomUUID()}`
        const user = await invitationsRepo.createExternalUser(q, {
          id: userId,
          orgId: inv.org_id,
          name: inv.name,
          role: inv.role,
          locale: inv.locale,
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
            confirmedBy: current.channel,
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
      if ('refused' in result) {
        const reason = result.refused
        throw new HttpError('validation_failed', CODE_FAILURES[reason], [
          { path: 'code', code: reason, message: CODE_FAILURES[reason] },
        ])
      }
      setSessionCookie(reply, env, result.opened)
      setReentryCookie(reply, env, result.reentry)
      return { session: result.session, caseId: result.caseId as InvitationAccepted['caseId'] }
    },
    limited,
  )
}
