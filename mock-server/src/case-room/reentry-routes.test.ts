import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REENTRY_MAX_DAYS, endOfHongKongDay } from '@suite/domain'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { acceptInvitation } from './invitations.testing'

/*
 * External re-entry: the device credential left by accepting an invitation opens a new session
 * after the old one ended, without a new invitation or a new user; a partner's one-time sign-in
 * link does the same for an existing external. Replays, revoked, expired and suspended members
 * are refused, and every step leaves an audit row.
 */

let t: TestApp
const HCA = 'case-hca-1234'
const HOUR = 3_600_000
const DAY = 24 * HOUR
const as: Record<string, TestCredentials> = {}

beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } })
  for (const id of ['u-chan', 'u-lee', 'u-client-tse']) as[id] = await t.signIn(id)
})
afterAll(async () => {
  await t.close()
})

type Res = Awaited<ReturnType<TestApp['app']['inject']>>
const cookieOf = (res: Res, name: string) => res.cookies.find((c) => c.name === name)
const send = (who: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: as[who]!.headers,
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  })
const reEnter = (reentry: string | null, extra: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/case-room/re-entry',
    headers: { ...(reentry ? { cookie: `suite_case_reentry=${reentry}` } : {}), ...extra },
    payload: {},
  })
const auditRows = async (action: string, targetId?: string) =>
  (
    await t.db.query<{ detail: Record<string, unknown>; actor_id: string | null; case_id: string | null }>(
      `SELECT detail, actor_id, case_id FROM audit_log WHERE action = $1 ${targetId ? 'AND target_id = $2' : ''} ORDER BY seq`,
      targetId ? [action, targetId] : [action],
    )
  ).rows
const userCount = async () => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]!.n)

let invitees = 0
/** Invite an external and accept; returns their user id, session cookie and re-entry cookie value. */
async function invited(name: string, accessExpiry: object = { kind: 'date', date: '2099-12-31' }) {
  const inv = await send('u-chan', 'POST', `/api/cases/${HCA}/invitations`, {
    name,
    role: 'external_expert',
    tierCeiling: 'restricted',
    accessExpiry,
    contact: `+852 9${String(++invitees).padStart(7, '0')}`,
  })
  expect(inv.statusCode).toBe(201)
  const res = await acceptInvitation(t, inv.json().token)
  expect(res.statusCode).toBe(200)
  const reentry = cookieOf(res, 'suite_case_reentry')!
  return {
    userId: res.json().session.user.id as string,
    sid: cookieOf(res, 'suite_sid')!.value,
    reentry: reentry.value,
    cookie: reentry,
  }
}

/** Move the backend's clock `ms` ahead for the duration of `fn`. */
async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  t.setNow(new Date(Date.now() + ms))
  try {
    return await fn()
  } finally {
    t.setNow(null)
  }
}

describe('device re-entry after an invitation', () => {
  it('accepting leaves an httpOnly credential, scoped to the re-entry endpoints, stored only as a hash', async () => {
    const x = await invited('Re-entry One')
    expect(x.cookie).toMatchObject({ httpOnly: true, path: '/api/case-room/re-entry', sameSite: 'None', secure: true })
    const expires = new Date(x.cookie.expires!).getTime()
    expect(expires).toBeLessThanOrEqual(Date.now() + REENTRY_MAX_DAYS * DAY + 5000)
    expect(expires).toBeGreaterThan(Date.now() + (REENTRY_MAX_DAYS - 1) * DAY)
    const token = x.reentry.slice(0, x.reentry.lastIndexOf('.'))
    const rows = (
      await t.db.query<{ token_hash: string; issued_via: string }>(
        'SELECT token_hash, issued_via FROM case_reentry_credentials WHERE user_id = $1',
        [x.userId],
      )
    ).rows
    expect(rows).toHaveLength(1)
    expect(rows[0]!.issued_via).toBe('invitation')
    expect(rows[0]!.token_hash).not.toContain(token)
    expect((await auditRows('case.invitation_accept')).at(-1)!.detail).toMatchObject({
      reentryFamilyId: expect.stringMatching(/^ref-/),
    })
  })

  it('ends at the member’s own access end when that comes before 30 days', async () => {
    const date = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10)
    const x = await invited('Short Access', { kind: 'date', date })
    expect(new Date(x.cookie.expires!).getTime()).toBe(endOfHongKongDay(date).getTime())
  })

  it('opens a new session when the old one has expired: same user, no new invitation, the credential rotates', async () => {
    const x = await invited('Re-entry Two')
    const users = await userCount()
    await later(13 * HOUR, async () => {
      const stale = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${HCA}`,
        headers: { cookie: `suite_sid=${x.sid}` },
      })
      expect(stale.json().error.code).toBe('session_expired')
      const res = await reEnter(x.reentry)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        caseId: HCA,
        session: { method: 'invitation', user: { id: x.userId, name: 'Re-entry Two' } },
      })
      const sid = cookieOf(res, 'suite_sid')!
      const next = cookieOf(res, 'suite_case_reentry')!
      expect(next.value).not.toBe(x.reentry)
      expect(next).toMatchObject({ httpOnly: true, path: '/api/case-room/re-entry' })
      // The credential keeps its original end: rotation never extends it.
      expect(new Date(next.expires!).getTime()).toBe(new Date(x.cookie.expires!).getTime())
      const mine = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${HCA}`,
        headers: { cookie: `suite_sid=${sid.value}` },
      })
      expect(mine.statusCode).toBe(200)
      expect(mine.json().me.role).toBe('external_expert')
    })
    expect(await userCount()).toBe(users)
    const signIns = await auditRows('case.reentry_sign_in', x.userId)
    expect(signIns).toHaveLength(1)
    expect(signIns[0]).toMatchObject({ actor_id: x.userId, case_id: HCA })
  })

  it('a used credential presented again is a replay: refused, and the whole family ends', async () => {
    const x = await invited('Replay Target')
    const first = await later(13 * HOUR, () => reEnter(x.reentry))
    expect(first.statusCode).toBe(200)
    const rotated = cookieOf(first, 'suite_case_reentry')!.value
    const replay = await later(13 * HOUR + 60_000, () => reEnter(x.reentry))
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('unauthenticated')
    expect(cookieOf(replay, 'suite_case_reentry')?.value).toBe('')
    // The thief cannot tell which copy was first, so the legitimate rotated credential ends too.
    expect((await later(13 * HOUR + 120_000, () => reEnter(rotated))).statusCode).toBe(401)
    const replayed = await auditRows('case.reentry_replayed', x.userId)
    expect(replayed).toHaveLength(1)
    expect(replayed[0]!.detail).toMatchObject({ credentialsEnded: 1 })
    expect((await auditRows('case.reentry_refused', x.userId)).map((r) => r.detail.reason)).toEqual(['revoked'])
  })

  it('two tabs waking at once: the slower one is refused but the family survives', async () => {
    const x = await invited('Two Tabs')
    t.setNow(new Date(Date.now() + 13 * HOUR))
    try {
      const a = await reEnter(x.reentry)
      const b = await reEnter(x.reentry)
      expect([a.statusCode, b.statusCode]).toEqual([200, 401])
      expect(cookieOf(b, 'suite_case_reentry')).toBeUndefined()
      expect((await reEnter(cookieOf(a, 'suite_case_reentry')!.value)).statusCode).toBe(200)
    } finally {
      t.setNow(null)
    }
    expect((await auditRows('case.reentry_refused', x.userId)).map((r) => r.detail.reason)).toEqual(['concurrent_use'])
    expect(await auditRows('case.reentry_replayed', x.userId)).toHaveLength(0)
  })

  it('a revoked member is refused at once; revocation ends the credential in the same step', async () => {
    const x = await invited('To Be Revoked')
    expect((await send('u-chan', 'DELETE', `/api/cases/${HCA}/members/${x.userId}`)).statusCode).toBe(204)
    const revoked = await auditRows('case.member_revoke', x.userId)
    expect(revoked[0]!.detail).toMatchObject({ reentryEnded: { credentials: 1, links: 0 } })
    const res = await reEnter(x.reentry)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toContain('can no longer open the case room')
    expect((await auditRows('case.reentry_refused', x.userId)).map((r) => r.detail.reason)).toEqual(['revoked'])
  })

  it('an expired member is refused: access bound to a milestone ends when it is reached', async () => {
    const ms = await send('u-lee', 'POST', `/api/cases/${HCA}/events`, {
      kind: 'milestone',
      title: 'Joint expert report filed',
      occursAt: '2026-06-30T01:00:00.000Z',
    })
    const x = await invited('Milestone Expert', { kind: 'milestone', milestoneId: ms.json().id })
    expect(
      (await send('u-lee', 'PATCH', `/api/cases/${HCA}/events/${ms.json().id}`, { reached: true })).statusCode,
    ).toBe(200)
    expect((await reEnter(x.reentry)).statusCode).toBe(401)
    expect((await auditRows('case.reentry_refused', x.userId)).map((r) => r.detail.reason)).toEqual(['member_expired'])
    const live = await t.db.query('SELECT 1 FROM case_reentry_credentials WHERE user_id = $1 AND revoked_at IS NULL', [
      x.userId,
    ])
    expect(live.rows).toHaveLength(0)
  })

  it('a credential past its own end is refused', async () => {
    const x = await invited('Thirty Days')
    const res = await later((REENTRY_MAX_DAYS + 1) * DAY, () => reEnter(x.reentry))
    expect(res.statusCode).toBe(401)
    expect((await auditRows('case.reentry_refused', x.userId)).map((r) => r.detail.reason)).toEqual(['expired'])
  })

  it('"restrict to internal" refuses re-entry while it lasts and keeps the credential for afterwards', async () => {
    const x = await invited('Paused Expert')
    expect((await send('u-chan', 'POST', `/api/cases/${HCA}/restrict`, { restricted: true })).statusCode).toBe(200)
    try {
      const res = await reEnter(x.reentry)
      expect(res.statusCode).toBe(401)
      expect(cookieOf(res, 'suite_case_reentry')).toBeUndefined()
    } finally {
      await t.db.query('UPDATE cases SET restricted_to_internal = false WHERE id = $1', [HCA])
    }
    expect((await reEnter(x.reentry)).statusCode).toBe(200)
    expect((await auditRows('case.reentry_refused', x.userId)).map((r) => r.detail.reason)).toEqual([
      'member_suspended',
    ])
  })

  it('no credential, a forged one, or an unknown one: 401, nothing opened', async () => {
    expect((await reEnter(null)).statusCode).toBe(401)
    const forged = await reEnter('abc.def')
    expect(forged.statusCode).toBe(401)
    expect(cookieOf(forged, 'suite_case_reentry')?.value).toBe('')
    expect(cookieOf(forged, 'suite_sid')).toBeUndefined()
  })

  it('signing out on the device ends its credential, so signing out sticks', async () => {
    const x = await invited('Signs Out')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/case-room/re-entry/forget',
      headers: { cookie: `suite_case_reentry=${x.reentry}` },
      payload: {},
    })
    expect(res.statusCode).toBe(204)
    expect(cookieOf(res, 'suite_case_reentry')?.value).toBe('')
    expect((await reEnter(x.reentry)).statusCode).toBe(401)
    expect(await auditRows('case.reentry_forget', x.userId)).toHaveLength(1)
  })

  it('the request must be a JSON body (a cross-site form cannot trigger it)', async () => {
    const x = await invited('Form Post')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/case-room/re-entry',
      headers: { cookie: `suite_case_reentry=${x.reentry}`, 'content-type': 'text/plain' },
      payload: 'x=1',
    })
    expect(res.statusCode).toBe(400)
    expect(cookieOf(res, 'suite_sid')).toBeUndefined()
  })
})

describe('a new sign-in link for an existing external member', () => {
  const link = (who: string, userId: string, body: object = {}) =>
    send(who, 'POST', `/api/cases/${HCA}/members/${userId}/sign-in-link`, body)
  const redeem = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/sign-in-links/redeem', payload: { token } })

  it('only a partner may send one, only to an external member of the case', async () => {
    expect((await link('u-lee', 'u-client-tse')).statusCode).toBe(403)
    expect((await link('u-client-tse', 'u-client-tse')).statusCode).toBe(403)
    expect((await link('u-chan', 'u-lee')).statusCode).toBe(400)
    expect((await link('u-chan', 'u-client-leong')).statusCode).toBe(404)
    expect((await link('u-chan', 'u-client-tse', { linkValidHours: 500 })).statusCode).toBe(400)
  })

  it('works once, for the same user: a session and a device credential, no new user', async () => {
    const users = await userCount()
    const res = await link('u-chan', 'u-client-tse', { linkValidHours: 2 })
    expect(res.statusCode).toBe(201)
    const { token, url, linkExpiresAt, name } = res.json()
    expect(url).toContain(`#/sign-in/${token}`)
    expect(name).toBe('謝家輝 Tse Ka-fai')
    expect(new Date(linkExpiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 2 * HOUR)
    const stored = (
      await t.db.query<{ token_hash: string }>('SELECT token_hash FROM case_sign_in_links WHERE user_id = $1', [
        'u-client-tse',
      ])
    ).rows
    expect(stored.map((r) => r.token_hash)).not.toContain(token)

    const ok = await redeem(token)
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ caseId: HCA, session: { user: { id: 'u-client-tse' }, method: 'invitation' } })
    expect(await userCount()).toBe(users)
    const reentry = cookieOf(ok, 'suite_case_reentry')!
    expect(reentry).toMatchObject({ httpOnly: true, path: '/api/case-room/re-entry' })
    expect((await later(13 * HOUR, () => reEnter(reentry.value))).json().session.user.id).toBe('u-client-tse')

    const again = await redeem(token)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toContain('already been used')
    expect(await auditRows('case.sign_in_link_create', 'u-client-tse')).toHaveLength(1)
    expect(await auditRows('case.sign_in_link_redeem', 'u-client-tse')).toHaveLength(1)
    expect(await auditRows('case.sign_in_link_replayed', 'u-client-tse')).toHaveLength(1)
  })

  it('a new link replaces an unused earlier one; a link expires', async () => {
    const first = (await link('u-chan', 'u-client-tse')).json()
    const second = (await link('u-chan', 'u-client-tse', { linkValidHours: 1 })).json()
    expect((await redeem(first.token)).statusCode).toBe(404)
    expect((await later(2 * HOUR, () => redeem(second.token))).json().error.message).toContain('expired')
    expect((await auditRows('case.sign_in_link_create', 'u-client-tse')).at(-1)!.detail).toMatchObject({
      replacedLinks: 1,
    })
  })

  it('a revoked member’s link is refused, and revocation withdraws it', async () => {
    const x = await invited('Link Then Revoke')
    const l = (await link('u-chan', x.userId)).json()
    expect((await send('u-chan', 'DELETE', `/api/cases/${HCA}/members/${x.userId}`)).statusCode).toBe(204)
    expect((await auditRows('case.member_revoke', x.userId))[0]!.detail).toMatchObject({
      reentryEnded: { credentials: 1, links: 1 },
    })
    expect((await redeem(l.token)).statusCode).toBe(404)
    expect((await link('u-chan', x.userId)).statusCode).toBe(409)
  })

  it('a link created before the member expired is refused after', async () => {
    const ms = await send('u-lee', 'POST', `/api/cases/${HCA}/events`, {
      kind: 'milestone',
      title: 'Trial bundle lodged',
      occursAt: '2026-06-30T01:00:00.000Z',
    })
    const x = await invited('Link Then Expire', { kind: 'milestone', milestoneId: ms.json().id })
    const l = (await link('u-chan', x.userId)).json()
    await send('u-lee', 'PATCH', `/api/cases/${HCA}/events/${ms.json().id}`, { reached: true })
    const res = await redeem(l.token)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toContain('ended')
    expect((await auditRows('case.sign_in_link_refused', x.userId)).map((r) => r.detail.reason)).toEqual([
      'member_expired',
    ])
  })

  it('"sign out devices" ends the credentials, unused links and sessions, and keeps the membership', async () => {
    const x = await invited('Lost Phone')
    await link('u-chan', x.userId)
    expect((await send('u-lee', 'DELETE', `/api/cases/${HCA}/members/${x.userId}/devices`)).statusCode).toBe(403)
    const res = await send('u-chan', 'DELETE', `/api/cases/${HCA}/members/${x.userId}/devices`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ credentials: 1, links: 1, sessions: 1 })
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${HCA}`, headers: { cookie: `suite_sid=${x.sid}` } }))
        .statusCode,
    ).toBe(401)
    expect((await reEnter(x.reentry)).statusCode).toBe(401)
    expect((await link('u-chan', x.userId)).statusCode).toBe(201)
    expect((await auditRows('case.reentry_revoke', x.userId))[0]!.detail).toMatchObject({
      credentials: 1,
      links: 1,
      sessions: 1,
    })
  })
})
