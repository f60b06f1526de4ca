import { randomBytes, randomUUID } from 'node:crypto'
import { caseRoomApi, decide, endOfHongKongDay, parseInviteeContact } from '@suite/domain'
import type { App, Deps } from '../deps'
import { sha256 } from '../auth/sessions'
import { serve } from '../http/endpoint'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { appLink } from '../http/links'
import { notifyEach } from '../jobs/notify'
import { enforce, membersWhoSee, openCase } from './guard'
import { caseRoomText, externalRoleName, invitationText, tierName } from './messages'
import { invitationsRepo, toInvitation } from './invitations-repo'
import { displayContact } from './invitation-codes'
import { invitationLandingRoutes } from './invitation-landing-routes'
import { eventsRepo } from './timeline-repo'
import { hongKongMinute } from './watermark'

/**
 * External members join by a one-time link: the token is shown once, stored only as a hash,
 * works once and only until the link expires. The link alone opens nothing: the landing page
 * shows who invites to which matter (`preview`), then a one-time code goes to the contact the
 * lawyer entered (DingTalk for a directory person, else SMS or e-mail through the outbox), and
 * only the right code accepts. Accepting creates the external user, their membership (role, tier
 * ceiling, expiry date or milestone), a session, and a device re-entry credential for coming back
 * later (reentry-routes.ts). The invitee's side is in invitation-landing-routes.ts.
 */
export async function caseInvitationRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, caseRoomApi.invitations.create, async (req) => {
    const now = deps.now()
    const b = req.body
    const contact = parseInviteeContact(b.contact)!
    const token = randomBytes(32).toString('base64url')
    const url = appLink(deps.env, 'case-room', `/invite/${token}`)
    const id = `inv-${randomUUID()}`
    const linkExpiresAt = new Date(now.getTime() + b.linkValidHours * 3_600_000)
    const { row, person, message } = await db.tx(async (q) => {
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
      const person = b.directoryUserId
        ? await invitationsRepo.directoryPerson(q, a.caseRow.org_id, b.directoryUserId)
        : null
      if (b.directoryUserId && !person) {
        throw new HttpError('validation_failed', 'No such person in the firm directory', [
          { path: 'directoryUserId', code: 'unknown', message: 'Pick a person from the directory' },
        ])
      }
      const created = await invitationsRepo.create(q, {
        id,
        caseId: a.caseRow.id,
        tokenHash: sha256(token),
        name: b.name,
        contact: contact.value,
        locale: b.locale,
        directoryUserId: person?.id ?? null,
        role: b.role,
        tierCeiling: b.tierCeiling,
        accessExpiry: b.accessExpiry,
        linkExpiresAt,
        createdBy: a.auth.user.id,
        now,
      })
      await auditFor(req, q, {
        action: 'case.invitation_create',
        targetType: 'invitation',
        targetId: id,
        caseId: a.caseRow.id,
        detail: {
          name: b.name,
          role: b.role,
          tierCeiling: b.tierCeiling,
          accessExpiry: b.accessExpiry,
          contactKind: contact.kind,
          sentViaDingTalk: person !== null,
        },
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
      const words = {
        firm: await invitationsRepo.firmName(q, a.caseRow.id),
        actor: a.auth.user.name,
        number: a.caseRow.number,
        caseTitle: a.caseRow.title,
        name: b.name,
        contact: displayContact(contact),
        url,
        until: hongKongMinute(linkExpiresAt),
      }
      // A directory person gets the invitation in DingTalk, in their own language.
      if (person) {
        await notifyEach(q, {
          userIds: [person.id],
          kind: 'case.invitation_to_you',
          link: url,
          text: (l) => invitationText(l, 'invitationToYou', words),
        })
      }
      return { row: created, person, message: invitationText(b.locale, 'invitationMessage', words).body }
    })
    return { invitation: toInvitation(row, now), token, url, sentViaDingTalk: person !== null, message }
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
  await invitationLandingRoutes(app, deps)
}
