import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE_FORM } from '@suite/forms/testing'
import { createTestApp, enrolTotp, stepUpWithDingTalk, totpCode, type TestApp, type TestCredentials } from '../testing'
import { ensurePublishedDocument, publishDocument } from '../lowcode/documents'

let t: TestApp
// Many sign-ins from one test address: the per-IP sign-in limit is tested in auth.test.ts.
beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } })
})
afterAll(async () => {
  await t.close()
})
afterEach(() => t.setNow(null))

const inject = (creds: TestCredentials, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: creds.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
const lastAudit = async (action: string) =>
  (
    await t.db.query<{ actor_id: string; detail: Record<string, unknown>; target_id: string | null }>(
      'SELECT actor_id, detail, target_id FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1',
      [action],
    )
  ).rows[0]
const countAudit = async (action: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).rows[0]!.n

describe('TOTP enrolment and step-up', () => {
  it('enrols with an otpauth URI, confirms with the first code, and hands out ten recovery codes once', async () => {
    const creds = await t.signIn('u-ng')
    await stepUpWithDingTalk(t, creds)
    await inject(creds, 'DELETE', '/api/step-up')
    // The confirmation must come after the DingTalk step-up, not from it: elevation is checked when enrolling.
    expect((await inject(creds, 'POST', '/api/step-up/totp/enrol')).statusCode).toBe(403)
    await stepUpWithDingTalk(t, creds)
    const e = await inject(creds, 'POST', '/api/step-up/totp/enrol')
    expect(e.statusCode).toBe(200)
    const { secret, otpauthUri } = e.json<{ secret: string; otpauthUri: string }>()
    expect(otpauthUri).toContain(`secret=${secret}`)
    await inject(creds, 'DELETE', '/api/step-up')
    expect((await inject(creds, 'GET', '/api/step-up')).json()).toMatchObject({
      totpEnrolled: false,
      totpPending: true,
      elevatedUntil: null,
    })
    expect(
      (
        await inject(creds, 'POST', '/api/step-up/totp/confirm', {
          code: '000000' === totpCode(secret, new Date()) ? '111111' : '000000',
        })
      ).statusCode,
    ).toBe(400)
    const c = await inject(creds, 'POST', '/api/step-up/totp/confirm', { code: totpCode(secret, new Date()) })
    expect(c.statusCode).toBe(200)
    const body = c.json<{
      codes: string[]
      status: { totpEnrolled: boolean; recoveryCodesLeft: number; elevatedUntil: string | null }
    }>()
    expect(body.codes).toHaveLength(10)
    expect(body.status).toMatchObject({ totpEnrolled: true, recoveryCodesLeft: 10 })
    expect(body.status.elevatedUntil).not.toBeNull()
    // Only hashes are stored.
    const stored = (
      await t.db.query<{ code_hash: string }>('SELECT code_hash FROM user_recovery_codes WHERE user_id = $1', ['u-ng'])
    ).rows.map((r) => r.code_hash)
    expect(stored).toHaveLength(10)
    expect(stored).not.toContain(body.codes[0])
    expect(await countAudit('step_up.totp_enrolled')).toBe(1)
  })

  it('steps up with a TOTP code once per time step, and the elevation lasts five minutes', async () => {
    const creds = await t.signIn('u-lam')
    const { secret } = await enrolTotp(t, creds)
    const at = new Date(Date.now() + 60_000)
    t.setNow(at)
    const ok = await inject(creds, 'POST', '/api/step-up', { method: 'totp', code: totpCode(secret, at) })
    expect(ok.statusCode).toBe(200)
    expect(Date.parse(ok.json().elevatedUntil)).toBe(at.getTime() + 300_000)
    const replay = await inject(creds, 'POST', '/api/step-up', { method: 'totp', code: totpCode(secret, at) })
    expect(replay.statusCode).toBe(400)
    expect(replay.json().error.fields[0]).toMatchObject({ path: 'code', code: 'invalid_code' })
    expect((await lastAudit('step_up.failed'))?.detail).toMatchObject({ method: 'totp', reason: 'code_reused' })
    t.setNow(new Date(at.getTime() + 301_000))
    expect((await inject(creds, 'GET', '/api/step-up')).json().elevatedUntil).toBeNull()
  })

  it('spends each recovery code once', async () => {
    const creds = await t.signIn('u-chan')
    const { recoveryCodes } = await enrolTotp(t, creds)
    const code = recoveryCodes[3]!.toUpperCase()
    expect((await inject(creds, 'POST', '/api/step-up', { method: 'recovery_code', code })).statusCode).toBe(200)
    expect((await inject(creds, 'POST', '/api/step-up', { method: 'recovery_code', code })).statusCode).toBe(400)
    expect((await inject(creds, 'GET', '/api/step-up')).json().recoveryCodesLeft).toBe(9)
  })

  it('accepts a fresh DingTalk code of the same person only', async () => {
    const creds = await t.signIn('u-wong')
    const mint = async (userid: string) =>
      (await t.sim.app.inject({ method: 'POST', url: '/_test/auth-codes', payload: { userid } })).json<{
        code: string
      }>().code
    const other = await inject(creds, 'POST', '/api/step-up', { method: 'dingtalk', code: await mint('dt-u-lee') })
    expect(other.statusCode).toBe(403)
    expect(await lastAudit('step_up.failed')).toMatchObject({
      actor_id: 'u-wong',
      detail: { method: 'dingtalk', reason: 'different_user' },
    })
    const code = await mint('dt-u-wong')
    expect((await inject(creds, 'POST', '/api/step-up', { method: 'dingtalk', code })).statusCode).toBe(200)
    expect((await inject(creds, 'POST', '/api/step-up', { method: 'dingtalk', code })).statusCode).toBe(400)
  })

  it('ties the elevation to the session: another session of the same user is not elevated', async () => {
    const a = await t.signIn('u-ho')
    const b = await t.signIn('u-ho')
    await stepUpWithDingTalk(t, a)
    expect((await inject(a, 'GET', '/api/step-up')).json().elevatedUntil).not.toBeNull()
    expect((await inject(b, 'GET', '/api/step-up')).json().elevatedUntil).toBeNull()
  })

  it('locks a user out after five wrong codes in fifteen minutes', async () => {
    const creds = await t.signIn('u-cheung')
    const { secret } = await enrolTotp(t, creds)
    const wrong = totpCode(secret, new Date()) === '123456' ? '654321' : '123456'
    for (let i = 0; i < 5; i++)
      expect((await inject(creds, 'POST', '/api/step-up', { method: 'totp', code: wrong })).statusCode).toBe(400)
    const locked = await inject(creds, 'POST', '/api/step-up', {
      method: 'totp',
      code: totpCode(secret, new Date(Date.now() + 30_000)),
    })
    expect(locked.statusCode).toBe(429)
  })

  it('needs a step-up to replace a working authenticator', async () => {
    const creds = await t.signIn('u-lee')
    await enrolTotp(t, creds)
    await inject(creds, 'DELETE', '/api/step-up')
    const again = await inject(creds, 'POST', '/api/step-up/totp/enrol')
    expect(again.statusCode).toBe(403)
    expect(again.json().error.code).toBe('step_up_required')
  })
})

describe('a stolen session cannot set up a second factor', () => {
  const notificationsOf = async (userId: string) =>
    (
      await t.db.query<{ title: string }>(
        "SELECT title FROM notifications WHERE kind = 'security.second_factor' AND $1 = ANY(user_ids) ORDER BY created_at",
        [userId],
      )
    ).rows.map((r) => r.title)

  it('refuses to enrol on the session alone, so the thief cannot then change roles', async () => {
    const thief = await t.signIn('u-wong')
    const enrol = await inject(thief, 'POST', '/api/step-up/totp/enrol')
    expect(enrol.statusCode).toBe(403)
    expect(enrol.json().error.code).toBe('step_up_required')
    expect(await lastAudit('step_up.refused')).toMatchObject({
      actor_id: 'u-wong',
      detail: { operation: 'step_up.totp_enrol' },
    })
    expect((await inject(thief, 'POST', '/api/step-up/totp/confirm', { code: '123456' })).statusCode).toBe(400)
    expect((await inject(thief, 'GET', '/api/step-up')).json()).toMatchObject({
      totpEnrolled: false,
      totpPending: false,
      elevatedUntil: null,
    })
  })

  it('accepts a one-time set-up code that IT issued to that person, once, and tells them', async () => {
    const admin = await t.signIn('u-lam')
    const refused = await inject(admin, 'POST', '/api/admin/users/u-ho/enrolment-code')
    expect(refused.statusCode).toBe(403)
    await stepUpWithDingTalk(t, admin)
    const issued = await inject(admin, 'POST', '/api/admin/users/u-ho/enrolment-code')
    expect(issued.statusCode).toBe(201)
    const { code } = issued.json<{ code: string }>()
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(await notificationsOf('u-ho')).toContain('資訊科技部已發出設定碼')
    const stored = (
      await t.db.query<{ code_hash: string }>('SELECT code_hash FROM enrolment_codes WHERE user_id = $1', ['u-ho'])
    ).rows
    expect(JSON.stringify(stored)).not.toContain(code)

    const ho = await t.signIn('u-ho')
    const other = await t.signIn('u-wong')
    expect((await inject(other, 'POST', '/api/step-up/totp/enrol', { enrolmentCode: code })).statusCode).toBe(400)
    const wrong = await inject(ho, 'POST', '/api/step-up/totp/enrol', { enrolmentCode: 'ABCD-EFGH-JKMN' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'enrolmentCode', code: 'invalid_code' })
    // The page reloads on the phone before the first code: the same set-up code starts again.
    expect(
      (await inject(ho, 'POST', '/api/step-up/totp/enrol', { enrolmentCode: code.toLowerCase() })).statusCode,
    ).toBe(200)
    const e = await inject(ho, 'POST', '/api/step-up/totp/enrol', { enrolmentCode: code })
    expect(e.statusCode).toBe(200)
    const c = await inject(ho, 'POST', '/api/step-up/totp/confirm', {
      code: totpCode(e.json<{ secret: string }>().secret, new Date()),
    })
    expect(c.statusCode).toBe(200)
    // Spent once confirmed: it never sets up another authenticator.
    expect(
      (await t.db.query<{ used_at: Date | null }>('SELECT used_at FROM enrolment_codes WHERE user_id = $1', ['u-ho']))
        .rows[0]!.used_at,
    ).not.toBeNull()
    await t.db.query('DELETE FROM user_totp WHERE user_id = $1', ['u-ho'])
    const again = await t.signIn('u-ho')
    expect((await inject(again, 'POST', '/api/step-up/totp/enrol', { enrolmentCode: code })).statusCode).toBe(400)
    expect(await notificationsOf('u-ho')).toContain('已設定雙重驗證')
    expect(await lastAudit('step_up.totp_enrolment_started')).toMatchObject({
      actor_id: 'u-ho',
      detail: { proof: 'enrolment_code' },
    })
  })

  it('an enrolment started with a set-up code cannot be confirmed once IT replaced that code', async () => {
    const admin = await t.signIn('u-lam')
    await stepUpWithDingTalk(t, admin)
    const first = (await inject(admin, 'POST', '/api/admin/users/u-wong/enrolment-code')).json<{ code: string }>().code
    const wong = await t.signIn('u-wong')
    const e = await inject(wong, 'POST', '/api/step-up/totp/enrol', { enrolmentCode: first })
    expect(e.statusCode).toBe(200)
    expect((await inject(admin, 'POST', '/api/admin/users/u-wong/enrolment-code')).statusCode).toBe(201)
    const c = await inject(wong, 'POST', '/api/step-up/totp/confirm', {
      code: totpCode(e.json<{ secret: string }>().secret, new Date()),
    })
    expect(c.statusCode).toBe(400)
    expect(c.json().error.fields[0]).toMatchObject({ path: 'code', code: 'enrolment_code_gone' })
    expect((await inject(wong, 'GET', '/api/step-up')).json().totpEnrolled).toBe(false)
  })

  it('only an IT administrator issues set-up codes', async () => {
    const compliance = await t.signIn('u-ng')
    await stepUpWithDingTalk(t, compliance)
    expect((await inject(compliance, 'POST', '/api/admin/users/u-ho/enrolment-code')).statusCode).toBe(403)
  })

  it('tells the person when their second factor is removed, by them or by IT', async () => {
    const creds = await t.signIn('u-chan')
    if (!(await inject(creds, 'GET', '/api/step-up')).json().totpEnrolled) await enrolTotp(t, creds)
    await stepUpWithDingTalk(t, creds)
    const before = (await notificationsOf('u-chan')).length
    expect((await inject(creds, 'DELETE', '/api/step-up/totp')).statusCode).toBe(204)
    expect((await notificationsOf('u-chan')).slice(before)).toEqual(['已移除雙重驗證'])
  })

  it('tells each person in their own language: English to an English reader, Traditional Chinese to a Hong Kong one', async () => {
    const admin = await t.signIn('u-lam')
    await stepUpWithDingTalk(t, admin)
    // Outside parties have no DingTalk: they set up an authenticator with a code from IT, then remove it.
    for (const id of ['u-expert-fung', 'u-client-tse']) {
      const issued = await inject(admin, 'POST', `/api/admin/users/${id}/enrolment-code`)
      expect(issued.statusCode).toBe(201)
      const person = await t.signIn(id)
      const e = await inject(person, 'POST', '/api/step-up/totp/enrol', {
        enrolmentCode: issued.json<{ code: string }>().code,
      })
      expect(e.statusCode).toBe(200)
      expect(
        (
          await inject(person, 'POST', '/api/step-up/totp/confirm', {
            code: totpCode(e.json<{ secret: string }>().secret, new Date()),
          })
        ).statusCode,
      ).toBe(200)
      expect((await inject(person, 'DELETE', '/api/step-up/totp')).statusCode).toBe(204)
    }
    const notices = async (userId: string) =>
      (
        await t.db.query<{ title: string; body: string; locale: string }>(
          "SELECT title, body, locale FROM notifications WHERE kind = 'security.second_factor' AND $1 = ANY(user_ids) ORDER BY created_at",
          [userId],
        )
      ).rows
    expect(
      (await t.db.query<{ locale: string }>("SELECT locale FROM users WHERE id = 'u-expert-fung'")).rows[0]?.locale,
    ).toBe('en')
    expect(await notices('u-expert-fung')).toEqual([
      expect.objectContaining({ title: 'IT issued you a set-up code', locale: 'en' }),
      {
        title: 'Two-step confirmation set up',
        body: 'An authenticator was just added to your account. If this was not you, contact IT at once.',
        locale: 'en',
      },
      {
        title: 'Two-step confirmation removed',
        locale: 'en',
        body: 'The authenticator and recovery codes of your account were just removed. If this was not you or IT, contact IT at once.',
      },
    ])
    expect(await notices('u-client-tse')).toEqual([
      expect.objectContaining({ title: '資訊科技部已發出設定碼', locale: 'zh-HK' }),
      {
        title: '已設定雙重驗證',
        body: '你的帳戶剛加入了驗證器。如果不是你本人操作，請立即聯絡資訊科技部。',
        locale: 'zh-HK',
      },
      {
        title: '已移除雙重驗證',
        body: '你帳戶的驗證器及恢復碼剛被移除。如果不是你本人或資訊科技部操作，請立即聯絡資訊科技部。',
        locale: 'zh-HK',
      },
    ])
  })
})

describe('privileged operations are refused without a fresh step-up and accepted with one', () => {
  const draftHash = async (creds: TestCredentials) =>
    (await inject(creds, 'GET', '/api/lowcode/documents/form/privileged-test')).json().draft.bodyHash as string
  /** Each operation: how to prepare it (not privileged), then the privileged request. */
  const operations: {
    name: string
    prepare?: (c: TestCredentials) => Promise<void>
    run: (c: TestCredentials) => Promise<{ method: 'POST' | 'PUT' | 'DELETE'; url: string; payload?: unknown }>
    ok: number
  }[] = [
    {
      name: 'role change',
      run: async () => ({ method: 'PUT', url: '/api/admin/users/u-cheung/role', payload: { role: 'associate' } }),
      ok: 200,
    },
    {
      name: 'reactivation',
      prepare: async (c) => {
        await inject(c, 'POST', '/api/admin/users/u-ho/deactivate')
      },
      run: async () => ({ method: 'POST', url: '/api/admin/users/u-ho/reactivate' }),
      ok: 200,
    },
    {
      name: 'second factor reset',
      run: async () => ({ method: 'POST', url: '/api/admin/users/u-lee/second-factor/reset' }),
      ok: 200,
    },
    {
      name: 'retention change',
      run: async () => ({ method: 'PUT', url: '/api/audit/retention', payload: { retentionDays: 400 } }),
      ok: 200,
    },
    { name: 'audit purge', run: async () => ({ method: 'POST', url: '/api/audit/purge', payload: {} }), ok: 200 },
    {
      name: 'form publish',
      prepare: async (c) => {
        await inject(c, 'PUT', '/api/lowcode/documents/form/privileged-test/draft', { body: SAMPLE_FORM })
      },
      run: async (c) => ({
        method: 'POST',
        url: '/api/lowcode/documents/form/privileged-test/publish',
        payload: { draftHash: await draftHash(c) },
      }),
      ok: 200,
    },
    {
      name: 'policy rollback',
      prepare: async () => {
        await t.db.tx(async (q) => {
          // Version 1 is the built-in policy the server published at start.
          await ensurePublishedDocument(q, {
            kind: 'classification_policy',
            key: 'default',
            body: { schemaVersion: 1, defaultLabel: 'public', rules: [] },
            now: new Date(),
          })
          await publishDocument(q, {
            kind: 'classification_policy',
            key: 'default',
            body: { schemaVersion: 1, defaultLabel: 'confidential', rules: [] },
            actor: { id: null, name: 'system' },
            now: new Date(),
          })
        })
      },
      run: async () => ({
        method: 'POST',
        url: '/api/lowcode/documents/classification_policy/default/rollback',
        payload: { version: 1 },
      }),
      ok: 200,
    },
    {
      name: 'recovery codes replacement',
      prepare: async (c) => {
        if (!(await inject(c, 'GET', '/api/step-up')).json().totpEnrolled) await enrolTotp(t, c)
        await inject(c, 'DELETE', '/api/step-up')
      },
      run: async () => ({ method: 'POST', url: '/api/step-up/recovery-codes' }),
      ok: 200,
    },
  ]

  it.each(operations)('$name', async (op) => {
    const creds = await t.signIn('u-lam')
    await inject(creds, 'DELETE', '/api/step-up')
    await op.prepare?.(creds)
    const req = await op.run(creds)
    const before = await countAudit('step_up.refused')
    const refused = await inject(creds, req.method, req.url, req.payload)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('step_up_required')
    expect(await countAudit('step_up.refused')).toBe(before + 1)
    expect((await lastAudit('step_up.refused'))?.actor_id).toBe('u-lam')
    await stepUpWithDingTalk(t, creds)
    const accepted = await inject(creds, req.method, req.url, (await op.run(creds)).payload)
    expect(accepted.statusCode, accepted.body).toBe(op.ok)
  })

  it('a step-up does not let a non-administrator in', async () => {
    const creds = await t.signIn('u-chan')
    await stepUpWithDingTalk(t, creds)
    expect((await inject(creds, 'PUT', '/api/audit/retention', { retentionDays: 400 })).statusCode).toBe(403)
    expect((await inject(creds, 'PUT', '/api/audit/retention', { retentionDays: 400 })).json().error.code).toBe(
      'forbidden',
    )
  })
})
