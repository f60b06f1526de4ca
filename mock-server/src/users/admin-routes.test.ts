import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, stepUpWithDingTalk, type TestApp, type TestCredentials } from '../testing'

let t: TestApp
let admin: TestCredentials
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.signIn('u-lam')
})
afterAll(async () => {
  await t.close()
})

const call = (creds: TestCredentials, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: creds.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
const actions = async (targetId: string) =>
  (
    await t.db.query<{ action: string }>('SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq', [targetId])
  ).rows.map((r) => r.action)

describe('users and roles', () => {
  it('lists everyone for administrators, with filters, and nobody else', async () => {
    const all = (await call(admin, 'GET', '/api/admin/users?limit=100')).json<{
      items: { id: string; role: string; totpEnrolled: boolean }[]
    }>()
    expect(all.items.map((u) => u.id)).toContain('u-client-tse')
    const clients = (await call(admin, 'GET', '/api/admin/users?role=client')).json<{ items: { role: string }[] }>()
    expect(clients.items.length).toBeGreaterThan(0)
    expect(clients.items.every((u) => u.role === 'client')).toBe(true)
    expect((await call(await t.signIn('u-chan'), 'GET', '/api/admin/users')).statusCode).toBe(403)
  })

  it("deactivation ends the person's sessions at once", async () => {
    const victim = await t.signIn('u-ho')
    expect((await call(victim, 'GET', '/api/auth/session')).statusCode).toBe(200)
    const r = await call(admin, 'POST', '/api/admin/users/u-ho/deactivate')
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ user: { id: 'u-ho', active: false, openSessions: 0 }, sessionsEnded: 1 })
    expect((await call(victim, 'GET', '/api/auth/session')).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { userId: 'u-ho' } })).statusCode).toBe(
      403,
    )
    expect(await actions('u-ho')).toContain('user.deactivated')
    await stepUpWithDingTalk(t, admin)
    expect((await call(admin, 'POST', '/api/admin/users/u-ho/reactivate')).json()).toMatchObject({ active: true })
  })

  it("changes a role after a step-up, ends that person's sessions, and audits before and after", async () => {
    const person = await t.signIn('u-cheung')
    await stepUpWithDingTalk(t, admin)
    const r = await call(admin, 'PUT', '/api/admin/users/u-cheung/role', { role: 'associate' })
    expect(r.json()).toMatchObject({ id: 'u-cheung', role: 'associate' })
    expect((await call(person, 'GET', '/api/auth/session')).statusCode).toBe(401)
    const entry = (
      await t.db.query<{ detail: Record<string, unknown> }>(
        `SELECT detail FROM audit_log WHERE action = 'user.role_changed' AND target_id = 'u-cheung'`,
      )
    ).rows[0]
    expect(entry?.detail).toMatchObject({ from: 'staff', to: 'associate', sessionsEnded: 1 })
  })

  it("refuses to change one's own role, to give an outsider a firm role, or to remove the last IT administrator", async () => {
    await stepUpWithDingTalk(t, admin)
    expect((await call(admin, 'PUT', '/api/admin/users/u-lam/role', { role: 'partner' })).statusCode).toBe(409)
    expect((await call(admin, 'PUT', '/api/admin/users/u-client-tse/role', { role: 'partner' })).statusCode).toBe(409)
    expect((await call(admin, 'PUT', '/api/admin/users/u-ng/role', { role: 'client' })).statusCode).toBe(400)
    const other = await t.signIn('u-ng')
    await stepUpWithDingTalk(t, other)
    expect((await call(other, 'PUT', '/api/admin/users/u-lam/role', { role: 'partner' })).statusCode).toBe(409)
    expect((await call(other, 'POST', '/api/admin/users/u-lam/deactivate')).statusCode).toBe(409)
  })

  it('syncs the directory from DingTalk: new people as staff, departments refreshed, leavers deactivated', async () => {
    await t.sim.app.inject({
      method: 'POST',
      url: '/_test/users',
      payload: {
        userid: 'dt-new-1',
        unionid: 'union-new-1',
        name: '新同事 New Colleague',
        title: 'Trainee',
        avatar: '',
        dept_id_list: [1, 101],
        admin: false,
        active: true,
      },
    })
    t.sim.state.users.delete('dt-u-wong')
    const wong = await t.signIn('u-wong')
    const r = await call(admin, 'POST', '/api/admin/directory/sync')
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ departments: 4, created: 1, deactivated: 1, sessionsEnded: 1 })
    const created = (
      await t.db.query<{ role: string; department: string; active: boolean }>(
        `SELECT role, department, active FROM users WHERE dingtalk_user_id = 'dt-new-1'`,
      )
    ).rows[0]
    expect(created).toEqual({ role: 'staff', department: 'Corporate 企業部', active: true })
    expect((await call(wong, 'GET', '/api/auth/session')).statusCode).toBe(401)
    expect(await actions('u-wong')).toContain('user.deactivated')
    const again = (await call(admin, 'POST', '/api/admin/directory/sync')).json()
    expect(again).toMatchObject({ created: 0, updated: 0, deactivated: 0 })
  })

  it('changes nothing when DingTalk fails part way', async () => {
    await t.sim.app.inject({
      method: 'POST',
      url: '/_test/faults',
      payload: { mode: 'server_error', paths: ['/topapi/v2/user/list'] },
    })
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE active')).rows[0]!.n
    const r = await call(admin, 'POST', '/api/admin/directory/sync')
    await t.sim.app.inject({ method: 'POST', url: '/_test/faults', payload: { mode: 'none' } })
    expect(r.statusCode).toBe(502)
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE active')).rows[0]!.n).toBe(
      before,
    )
  })
})

describe('what a person is told, in their own language', () => {
  it('an IT set-up code is announced in English to an English reader and in Traditional Chinese to a Hong Kong one', async () => {
    await stepUpWithDingTalk(t, admin)
    for (const id of ['u-expert-fung', 'u-client-tse'])
      expect((await call(admin, 'POST', `/api/admin/users/${id}/enrolment-code`)).statusCode).toBe(201)
    const notice = async (userId: string) =>
      (
        await t.db.query<{ title: string; body: string; locale: string }>(
          "SELECT title, body, locale FROM notifications WHERE kind = 'security.second_factor' AND $1 = ANY(user_ids) ORDER BY created_at DESC LIMIT 1",
          [userId],
        )
      ).rows[0]
    expect(await notice('u-expert-fung')).toEqual({
      title: 'IT issued you a set-up code',
      locale: 'en',
      body: '林國華 Lam Kwok-wah issued a one-time set-up code for your account: enter it under "My two-step confirmation" in the Administration app to set up your authenticator. If you did not ask for it, contact IT at once.',
    })
    expect(await notice('u-client-tse')).toEqual({
      title: '資訊科技部已發出設定碼',
      locale: 'zh-HK',
      body: '林國華 Lam Kwok-wah 為你的帳戶發出了一次性設定碼：請在「系統管理」應用的「我的雙重驗證」輸入，以設定驗證器。如果你沒有要求，請立即聯絡資訊科技部。',
    })
  })
})
