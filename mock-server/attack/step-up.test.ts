import { beforeAll, describe, expect, it } from 'vitest'
import { base32Decode, totp } from '../src/auth/totp'
import {
  addDingTalkUser,
  auditEntries,
  messagesTo,
  mintCode,
  signIn,
  signInDingTalk,
  target,
  waitFor,
  type Session,
} from './client'

/**
 * A stolen session of someone who never set up an authenticator must not be able to give itself
 * one (and with it the step-up every privileged change asks for). Enrolment needs proof beyond
 * the session: a fresh DingTalk confirmation by the same person, or a one-time code an IT
 * administrator issued for them. Enrolment and removal are audited and the person is told.
 */

const code = (secret: string) => totp(base32Decode(secret), new Date())
const dingtalkStepUp = async (s: Session, dingtalkUserId: string) =>
  s.post('/api/step-up', { method: 'dingtalk', code: await mintCode(s.t, dingtalkUserId) })

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: step-up enrolment`, () => {
    const t = target(name)
    const dt = (who: string) => `dt-attack-su-${who}-${name}`
    let admin: Session
    let officer: Session
    let stolen: Session
    let victimTarget: Session

    beforeAll(async () => {
      for (const who of ['admin', 'target', 'a', 'b', 'c']) await addDingTalkUser(t, dt(who), `Step-up ${who} ${name}`)
      admin = await signIn(t, 'u-lam')
      officer = await signIn(t, 'u-ng')
      expect((await dingtalkStepUp(admin, 'dt-u-lam')).status).toBe(200)
      // A second IT administrator who never set up an authenticator: the victim whose session is stolen.
      const victim = await signInDingTalk(t, dt('admin'))
      victimTarget = await signInDingTalk(t, dt('target'))
      expect((await admin.put(`/api/admin/users/${victim.userId}/role`, { role: 'it_admin' })).status).toBe(200)
      stolen = await signInDingTalk(t, dt('admin'))
    }, 60_000)

    it('refuses to enrol an authenticator for a stolen session without proof (403 step_up_required), so it cannot then change roles', async () => {
      const enrol = await stolen.post('/api/step-up/totp/enrol')
      // Where enrolment is let through, play the rest of the attack: confirm, then use the step-up it grants.
      const confirm =
        enrol.status === 200
          ? (await stolen.post('/api/step-up/totp/confirm', { code: code(enrol.json<{ secret: string }>().secret) }))
              .status
          : null
      const roleChange = await stolen.put(`/api/admin/users/${victimTarget.userId}/role`, { role: 'partner' })
      const roleNow = (await admin.get(`/api/admin/users?q=${encodeURIComponent(victimTarget.userId)}`))
        .json<{ items: { id: string; role: string }[] }>()
        .items.find((u) => u.id === victimTarget.userId)?.role
      expect({ enrol: [enrol.status, enrol.code], confirm, roleChange: roleChange.status, roleNow }).toEqual({
        enrol: [403, 'step_up_required'],
        confirm: null,
        roleChange: 403,
        roleNow: 'staff',
      })
    })

    it("does not count a DingTalk confirmation by someone else (the attacker's own DingTalk) as proof", async () => {
      const other = await stolen.post('/api/step-up', { method: 'dingtalk', code: await mintCode(t, dt('c')) })
      expect(other.status).toBe(403)
      expect((await stolen.post('/api/step-up/totp/enrol')).status).toBe(403)
    })

    it('lets the person enrol after a fresh DingTalk confirmation of their own; enrolment is audited and they are told', async () => {
      const a = await signInDingTalk(t, dt('a'))
      const before = (await messagesTo(t, dt('a'))).length
      expect((await dingtalkStepUp(a, dt('a'))).status).toBe(200)
      const enrol = await a.post('/api/step-up/totp/enrol')
      expect(enrol.status).toBe(200)
      const confirm = await a.post('/api/step-up/totp/confirm', { code: code(enrol.json<{ secret: string }>().secret) })
      expect(confirm.status).toBe(200)
      expect((await auditEntries(officer, { actorId: a.userId })).map((e) => e.action)).toContain(
        'step_up.totp_enrolled',
      )
      await waitFor('the enrolment notification', async () => (await messagesTo(t, dt('a'))).length > before)
    })

    it('lets the person enrol with a one-time code an IT administrator issued for them (stepped up), once, and only them', async () => {
      const b = await signInDingTalk(t, dt('b'))
      const c = await signInDingTalk(t, dt('c'))
      const issue = (s: Session) => s.post(`/api/admin/users/${b.userId}/enrolment-code`)
      expect((await issue(officer)).status).toBe(403)
      const freshAdmin = await signIn(t, 'u-lam')
      expect([(await issue(freshAdmin)).status, (await issue(freshAdmin)).code]).toEqual([403, 'step_up_required'])
      const issued = await issue(admin)
      expect([200, 201]).toContain(issued.status)
      const { code: enrolmentCode, expiresAt } = issued.json<{ code: string; expiresAt: string }>()
      expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
      // Someone else's code, or a spent one, is no proof: refused as a wrong code (400) or as no proof (403).
      expect([400, 403]).toContain((await c.post('/api/step-up/totp/enrol', { enrolmentCode })).status)
      const enrol = await b.post('/api/step-up/totp/enrol', { enrolmentCode })
      expect(enrol.status).toBe(200)
      expect(
        (await b.post('/api/step-up/totp/confirm', { code: code(enrol.json<{ secret: string }>().secret) })).status,
      ).toBe(200)
      expect((await auditEntries(officer, { actorId: b.userId })).map((e) => e.action)).toContain(
        'step_up.totp_enrolled',
      )
      // Confirming spent the code: with the authenticator removed again, it is no proof any more.
      expect((await b.delete('/api/step-up/totp')).status).toBe(204)
      expect([400, 403]).toContain((await b.post('/api/step-up/totp/enrol', { enrolmentCode })).status)
    })

    it('refuses to replace or remove an authenticator without a step-up; removal with one is audited and the person is told', async () => {
      const a = await signInDingTalk(t, dt('a'))
      expect([(await a.post('/api/step-up/totp/enrol')).status, (await a.delete('/api/step-up/totp')).code]).toEqual([
        403,
        'step_up_required',
      ])
      const before = (await messagesTo(t, dt('a'))).length
      expect((await dingtalkStepUp(a, dt('a'))).status).toBe(200)
      expect((await a.delete('/api/step-up/totp')).status).toBe(204)
      expect((await auditEntries(officer, { actorId: a.userId })).map((e) => e.action)).toContain(
        'step_up.totp_removed',
      )
      await waitFor('the removal notification', async () => (await messagesTo(t, dt('a'))).length > before)
    })
  })
}
