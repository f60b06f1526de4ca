import { randomBytes } from 'node:crypto'
import { sign } from '@fastify/cookie'
import { beforeAll, describe, expect, it } from 'vitest'
import { REENTRY_RACE_MS } from '../src/case-room/reentry'
import { PRODUCTION_SECRET } from './harness'
import {
  Session,
  acceptInvitation,
  addDingTalkUser,
  auditEntries,
  call,
  directoryInvitee,
  invitationCodeIn,
  messagesTo,
  mintCode,
  signIn,
  signInDingTalk,
  target,
} from './client'
import { bodyFor, fillPath, loadOperations, pool, queryFor } from './catalogue'

/**
 * Credentials an attacker can forge or keep: cookies (forged, unsigned, tampered, signed by
 * another instance), used DingTalk codes, sessions after sign-out, deactivation and expiry,
 * and writes without the session's CSRF token.
 */

/** The session token inside a `suite_sid=<token>.<signature>` cookie. */
const tokenOf = (cookie: string) => {
  const v = decodeURIComponent(cookie.slice('suite_sid='.length))
  return { token: v.slice(0, v.lastIndexOf('.')), signature: v.slice(v.lastIndexOf('.') + 1) }
}
const cookieOf = (value: string) => `suite_sid=${encodeURIComponent(value)}`
const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A')

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: forged and kept credentials`, () => {
    const t = target(name)
    let victim: Session

    beforeAll(async () => {
      victim = await signIn(t, 'u-chan')
    })

    const session = (cookie: string) => call(t.baseURL, 'GET', '/api/auth/session', { headers: { cookie } })
    const write = (cookie: string, csrf: string) =>
      call(t.baseURL, 'POST', '/api/cases', {
        headers: { cookie, 'x-csrf-token': csrf },
        json: { number: `ATTACK ${randomBytes(3).toString('hex')}`, title: 'forged' },
      })

    it('refuses forged, unsigned, tampered and foreign-signed session cookies (401 on reads and writes)', async () => {
      const { token, signature } = tokenOf(victim.cookie)
      expect((await session(victim.cookie)).status).toBe(200)
      const forged = {
        random: cookieOf(randomBytes(32).toString('base64url')),
        unsigned: cookieOf(token),
        tamperedToken: cookieOf(`${flip(token)}.${signature}`),
        tamperedSignature: cookieOf(`${token}.${flip(signature)}`),
        anotherInstance: cookieOf(sign(token, 'another-instance-secret-with-32-characters!')),
        empty: 'suite_sid=',
      }
      const answers = await Promise.all(
        Object.entries(forged).map(
          async ([kind, c]) => [kind, (await session(c)).status, (await write(c, victim.csrf)).status] as const,
        ),
      )
      expect(answers.map(([kind, read, w]) => `${kind}: ${read}/${w}`)).toEqual(
        Object.keys(forged).map((k) => `${k}: 401/401`),
      )
    })

    it.runIf(name === 'production')('refuses a well-signed cookie whose session never existed', async () => {
      const c = cookieOf(sign(randomBytes(32).toString('base64url'), PRODUCTION_SECRET))
      expect((await session(c)).status).toBe(401)
    })

    it('refuses a DingTalk sign-in code used twice, without asking DingTalk again, and audits the replay', async () => {
      const officer = await signIn(t, 'u-ng')
      const code = await mintCode(t, 'dt-u-lee')
      const first = await call(t.baseURL, 'POST', '/api/auth/dingtalk', { json: { corpId: t.corpId, code } })
      expect(first.status).toBe(200)
      const calls = async () =>
        (await call(t.dingtalkURL, 'GET', '/_test/state')).json<{ calls: Record<string, number> }>().calls[
          '/topapi/v2/user/getuserinfo'
        ] ?? 0
      const before = await calls()
      const replay = await call(t.baseURL, 'POST', '/api/auth/dingtalk', { json: { corpId: t.corpId, code } })
      expect(replay.status).toBe(401)
      expect(replay.headers['set-cookie'] ?? []).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^suite_sid=[^;]/)]),
      )
      expect(await calls()).toBe(before)
      const replays = await auditEntries(officer, { action: 'auth.code_replayed' })
      expect(replays.map((e) => e.requestId)).toContain(replay.headers['x-request-id'])
    })

    it('ends a session at sign-out: the old cookie reads and writes nothing, signing out again is refused', async () => {
      const s = await signIn(t, 'u-lee')
      expect((await s.get('/api/cases')).status).toBe(200)
      expect((await s.post('/api/auth/sign-out')).status).toBe(204)
      expect((await s.get('/api/cases')).status).toBe(401)
      expect((await s.get('/api/cases/case-hca-1234')).status).toBe(401)
      expect(
        (await s.post('/api/cases/case-hca-1234/threads/private/comments', { body: 'after sign-out' })).status,
      ).toBe(401)
      expect((await s.post('/api/auth/sign-out')).status).toBe(401)
    })

    it('ends every session of a deactivated person at once, and refuses their next DingTalk sign-in', async () => {
      const dt = `dt-attack-cred-${name}`
      await addDingTalkUser(t, dt, 'Credentials Leaver')
      const [phone, laptop] = [await signInDingTalk(t, dt), await signInDingTalk(t, dt)]
      expect((await phone.get('/api/auth/session')).status).toBe(200)
      const admin = await signIn(t, 'u-lam')
      const off = await admin.post(`/api/admin/users/${phone.userId}/deactivate`)
      expect(off.status).toBe(200)
      expect(off.json<{ sessionsEnded: number }>().sessionsEnded).toBeGreaterThanOrEqual(2)
      for (const s of [phone, laptop]) {
        expect((await s.get('/api/auth/session')).status).toBe(401)
        expect((await s.post('/api/step-up/totp/enrol')).status).toBe(401)
      }
      const again = await call(t.baseURL, 'POST', '/api/auth/dingtalk', {
        json: { corpId: t.corpId, code: await mintCode(t, dt) },
      })
      expect(again.status).toBe(403)
    })

    // From outside nobody can wait out SESSION_TTL_MINUTES (at least 5): production's data was
    // loaded with a session that ended an hour ago; the demo server has none.
    it.runIf(name === 'production')(
      'refuses an expired session as expired (401 session_expired), for reads and writes',
      async () => {
        const stale = new Session(t, 'u-lee', t.expiredCookie!, 'stale')
        const read = await stale.get('/api/cases')
        expect([read.status, read.code]).toEqual([401, 'session_expired'])
        expect((await stale.post('/api/cases/case-hca-1234/threads/private/comments', { body: 'late' })).status).toBe(
          401,
        )
      },
    )

    it("accepts an invitation link and a partner's sign-in link once; a replay gets no session", async () => {
      const partner = await signIn(t, 'u-chan')
      const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
      const name = `Replay client ${randomBytes(3).toString('hex')}`
      const invitee = await directoryInvitee(t, name)
      const inv = await partner.post('/api/cases/case-hca-1234/invitations', {
        name,
        role: 'client',
        tierCeiling: 'restricted',
        accessExpiry: { kind: 'date', date },
        linkValidHours: 1,
        contact: invitee.contact,
        directoryUserId: invitee.userId,
      })
      expect(inv.status).toBe(201)
      const token = inv.json<{ token: string }>().token
      const noSession = (a: { headers: { 'set-cookie'?: string | string[] } }) =>
        expect(([] as string[]).concat(a.headers['set-cookie'] ?? []).filter((c) => /^suite_sid=[^;]/.test(c))).toEqual(
          [],
        )
      // The link alone opens nothing: without the code sent to the invitee there is no session.
      const bare = await call(t.baseURL, 'POST', '/api/invitations/accept', { json: { token } })
      expect(bare.status).toBe(400)
      noSession(bare)
      const guessed = await call(t.baseURL, 'POST', '/api/invitations/accept', { json: { token, code: '000000' } })
      expect(guessed.status).toBe(400)
      noSession(guessed)
      const before = (await messagesTo(t, invitee.dingtalkUserId)).length
      expect((await call(t.baseURL, 'POST', '/api/invitations/code', { json: { token } })).status).toBe(200)
      const code = await invitationCodeIn(t, invitee.dingtalkUserId, before)
      const first = await call(t.baseURL, 'POST', '/api/invitations/accept', { json: { token, code } })
      expect(first.status).toBe(200)
      // Replaying the accepted invitation with its used code, or asking for a new code, gets nothing.
      const replay = await call(t.baseURL, 'POST', '/api/invitations/accept', { json: { token, code } })
      expect(replay.status).toBeGreaterThanOrEqual(400)
      expect(replay.status).toBeLessThan(500)
      noSession(replay)
      expect((await call(t.baseURL, 'POST', '/api/invitations/code', { json: { token } })).status).toBe(404)
      expect((await call(t.baseURL, 'POST', '/api/invitations/preview', { json: { token } })).status).toBe(404)

      const userId = first.json<{ session: { user: { id: string } } }>().session.user.id
      const link = await partner.post(`/api/cases/case-hca-1234/members/${userId}/sign-in-link`, { linkValidHours: 1 })
      expect(link.status).toBe(201)
      const linkToken = link.json<{ token: string }>().token
      expect((await call(t.baseURL, 'POST', '/api/sign-in-links/redeem', { json: { token: linkToken } })).status).toBe(
        200,
      )
      const again = await call(t.baseURL, 'POST', '/api/sign-in-links/redeem', { json: { token: linkToken } })
      expect(again.status).toBeGreaterThanOrEqual(400)
      expect(again.status).toBeLessThan(500)
      noSession(again)
    })

    // The server tells two tabs waking at once (within REENTRY_RACE_MS) from a copy replayed later:
    // waiting that out from outside takes 15 s, so it runs on the production server only.
    it.runIf(name === 'production')(
      'rotates a device re-entry credential on use; a copy replayed later ends the whole family',
      async () => {
        const partner = await signIn(t, 'u-chan')
        const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
        const reName = `Re-entry ${randomBytes(3).toString('hex')}`
        const invitee = await directoryInvitee(t, reName)
        const inv = await partner.post('/api/cases/case-hca-1234/invitations', {
          name: reName,
          role: 'client',
          tierCeiling: 'public',
          accessExpiry: { kind: 'date', date },
          linkValidHours: 1,
          contact: invitee.contact,
          directoryUserId: invitee.userId,
        })
        const accepted = await acceptInvitation(t, inv.json<{ token: string }>().token, invitee.dingtalkUserId)
        expect(accepted.status).toBe(200)
        const reentryOf = (a: { headers: { 'set-cookie'?: string | string[] } }) =>
          ([] as string[])
            .concat(a.headers['set-cookie'] ?? [])
            .find((c) => /^suite_case_reentry=[^;]/.test(c))
            ?.split(';')[0]
        const enter = (cookie: string) =>
          call(t.baseURL, 'POST', '/api/case-room/re-entry', { headers: { cookie }, json: {} })
        const copied = reentryOf(accepted)!
        const used = await enter(copied)
        expect(used.status).toBe(200)
        const current = reentryOf(used)!
        expect(current).not.toBe(copied)
        // At once, the copy is refused but the device keeps its way in (two tabs racing look the same).
        expect((await enter(copied)).status).toBe(401)
        await new Promise((r) => setTimeout(r, REENTRY_RACE_MS + 500))
        // Later, the copy is a thief's: refused, and the device's current credential ends with it.
        expect((await enter(copied)).status).toBe(401)
        expect((await enter(current)).status).toBe(401)
      },
      REENTRY_RACE_MS + 30_000,
    )

    it("refuses every write route without the session's CSRF token, with a wrong one and with another session's (403 csrf_failed)", async () => {
      const ops = (await loadOperations(t)).filter((op) => op.method !== 'GET')
      const mine = await signIn(t, 'u-chan')
      const other = await signIn(t, 'u-wong')
      const variants: [string, Record<string, string>][] = [
        ['none', { cookie: mine.cookie }],
        ['wrong', { cookie: mine.cookie, 'x-csrf-token': randomBytes(24).toString('base64url') }],
        ["another session's", { cookie: mine.cookie, 'x-csrf-token': other.csrf }],
        ['as a query parameter', { cookie: mine.cookie }],
      ]
      const bad: string[] = []
      await pool(
        variants.flatMap(([v, headers]) => ops.map((op) => ({ v, headers, op }))),
        4,
        async ({ v, headers, op }) => {
          const url =
            fillPath(op, (p) => (p === 'caseId' ? 'case-hca-1234' : 'attack-id')) + queryFor(op, { tier: 'private' })
          const withQuery =
            v === 'as a query parameter'
              ? `${url}${url.includes('?') ? '&' : '?'}x-csrf-token=${encodeURIComponent(mine.csrf)}`
              : url
          const body = bodyFor(op)
          const a = await call(t.baseURL, op.method, withQuery, {
            headers,
            ...(body === undefined ? {} : { json: body }),
          })
          if (a.status !== 403 || a.code !== 'csrf_failed') bad.push(`${v}: ${op.key} -> ${a.status} ${a.code ?? ''}`)
        },
      )
      expect(bad).toEqual([])
      expect((await mine.get('/api/auth/session')).status).toBe(200)
      expect(ops.length).toBeGreaterThan(60)
    })
  })
}
