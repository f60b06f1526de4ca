import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ORG, demoUser } from '@suite/domain/testing'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { acceptInvitation, acceptWith, deliveredCode, requestCode } from './invitations.testing'

/*
 * Inviting an external must not look like phishing and must not let anyone holding the link in:
 * the landing page names the firm, the lawyer and the matter (and nothing for a bad link), the
 * invitee confirms with a one-time code sent to the contact the lawyer entered, and only then does
 * a session open.
 */

let t: TestApp
const HCA = 'case-hca-1234'
const as: Record<string, TestCredentials> = {}
let n = 0

beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } })
  as['u-chan'] = await t.signIn('u-chan')
})
afterAll(async () => {
  await t.close()
})

const invite = (body: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/cases/${HCA}/invitations`,
    headers: as['u-chan']!.headers,
    payload: {
      name: `Invitee ${++n}`,
      role: 'client',
      tierCeiling: 'public',
      accessExpiry: { kind: 'date', date: '2099-12-31' },
      contact: `invitee.${n}@example.com`,
      ...body,
    },
  })
const preview = (token: string) => t.app.inject({ method: 'POST', url: '/api/invitations/preview', payload: { token } })
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'suite_sid' && c.value)
const auditCount = async (action: string, targetId: string) =>
  Number(
    (
      await t.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND target_id = $2', [
        action,
        targetId,
      ])
    ).rows[0]!.n,
  )

describe('creating an invitation', () => {
  it('asks for a Hong Kong, Macau or mainland phone, or an e-mail, and keeps it normalised', async () => {
    for (const contact of ['', 'call me', '1234', '+1 415 555 0100', 'name@host']) {
      const res = await invite({ contact })
      expect(res.statusCode, contact).toBe(400)
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('contact')
    }
    expect((await invite({ contact: undefined })).statusCode).toBe(400)
    const ok = await invite({ contact: '(852) 9123-4567' })
    expect(ok.statusCode).toBe(201)
    const { rows } = await t.db.query<{ contact: string }>('SELECT contact FROM case_invitations WHERE id = $1', [
      ok.json().invitation.id,
    ])
    expect(rows[0]!.contact).toBe('+85291234567')
  })

  it('gives the lawyer a ready message in the invitee’s language naming the firm, the lawyer and the matter', async () => {
    const zh = (await invite({ name: '區先生', contact: '6612 3456' })).json()
    expect(zh.sentViaDingTalk).toBe(false)
    expect(zh.message).toContain(DEMO_ORG.name)
    expect(zh.message).toContain(demoUser('u-chan').name)
    expect(zh.message).toContain('HCA 1234/2026')
    expect(zh.message).toContain(zh.url)
    expect(zh.message).toContain('驗證碼')
    expect(zh.message).toContain('香港時間')
    const en = (await invite({ locale: 'en' })).json()
    expect(en.message).toContain('one-time 6-digit code')
    expect(en.message).toContain('HCA 1234/2026')
    expect(en.message).toContain(DEMO_ORG.name)
  })

  it('sends a directory person the invitation as a DingTalk work notification in their language', async () => {
    await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-cheung'")
    try {
      const res = await invite({ name: 'Cheung (directory)', directoryUserId: 'u-cheung', contact: '+852 9000 0001' })
      expect(res.statusCode).toBe(201)
      expect(res.json().sentViaDingTalk).toBe(true)
      const { rows } = await t.db.query<{ user_ids: string[]; locale: string; title: string; link: string }>(
        "SELECT user_ids, locale, title, link FROM notifications WHERE kind = 'case.invitation_to_you'",
      )
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ user_ids: ['u-cheung'], locale: 'en', link: res.json().url })
      expect(rows[0]!.title).toBe(`${DEMO_ORG.name}: ${demoUser('u-chan').name} invites you to case HCA 1234/2026`)
      await t.worker.drain()
      const got = t.sim.state.messages.filter((m) => m.userid === 'dt-u-cheung')
      expect(JSON.stringify(got.at(-1)!.msg)).toContain('invites you to case HCA 1234/2026')
      // The code goes the same way, and accepting with it opens the case room.
      const sent = await requestCode(t, res.json().token)
      expect(sent.json()).toMatchObject({ channel: 'dingtalk', sentTo: '+852 •••• 0001' })
      const ok = await acceptWith(t, res.json().token, await deliveredCode(t, res.json().token))
      expect(ok.statusCode).toBe(200)
    } finally {
      await t.db.query("UPDATE users SET locale = 'zh-HK' WHERE id = 'u-cheung'")
    }
    const unknown = await invite({ directoryUserId: 'u-client-tse' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.fields[0].path).toBe('directoryUserId')
  })
})

describe('the landing page', () => {
  it('shows only the firm, the inviter and the matter for a pending link', async () => {
    const inv = (await invite()).json()
    const res = await preview(inv.token)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      firmName: DEMO_ORG.name,
      inviterName: demoUser('u-chan').name,
      caseNumber: 'HCA 1234/2026',
      caseTitle: '謝家輝 訴 東方貿易有限公司 (合約糾紛) Tse Ka-fai v Oriental Trading Ltd',
    })
  })

  it('answers every bad link the same: unknown, revoked, expired or used', async () => {
    const revoked = (await invite()).json()
    await t.app.inject({
      method: 'DELETE',
      url: `/api/cases/${HCA}/invitations/${revoked.invitation.id}`,
      headers: as['u-chan']!.headers,
    })
    const used = (await invite()).json()
    expect((await acceptInvitation(t, used.token)).statusCode).toBe(200)
    const expiring = (await invite({ linkValidHours: 1 })).json()
    const answers = [await preview('x'.repeat(43)), await preview(revoked.token), await preview(used.token)]
    t.setNow(new Date(Date.now() + 2 * 3_600_000))
    try {
      answers.push(await preview(expiring.token))
    } finally {
      t.setNow(null)
    }
    const shapes = answers.map((a) => ({ status: a.statusCode, body: { ...a.json().error, requestId: undefined } }))
    expect(new Set(shapes.map((s) => JSON.stringify(s))).size).toBe(1)
    expect(shapes[0]!.status).toBe(404)
    expect(JSON.stringify(answers.map((a) => a.json()))).not.toContain('HCA')
  })
})

describe('confirming the invitee with a one-time code', () => {
  it('a link alone no longer opens a session', async () => {
    const inv = (await invite()).json()
    const bare = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: inv.token } })
    expect(bare.statusCode).toBe(400)
    expect(sessionCookie(bare)).toBeUndefined()
    const guessed = await acceptWith(t, inv.token, '000000')
    expect(guessed.statusCode).toBe(400)
    expect(guessed.json().error.fields[0]).toMatchObject({ path: 'code', code: 'no_code' })
    expect(sessionCookie(guessed)).toBeUndefined()
    expect(await auditCount('case.invitation_code_refused', inv.invitation.id)).toBe(1)
  })

  it('sends the code to the contact in the invitee’s language, stores only its hash, and audits it', async () => {
    const inv = (await invite({ contact: '+853 6612 3456', locale: 'en' })).json()
    const sent = await requestCode(t, inv.token)
    expect(sent.statusCode).toBe(200)
    expect(sent.json()).toMatchObject({ channel: 'sms', sentTo: '+853 •••• 3456' })
    const expiresIn = Date.parse(sent.json().expiresAt) - Date.now()
    expect(expiresIn).toBeGreaterThan(9 * 60_000)
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000)
    const code = await deliveredCode(t, inv.token)
    const out = await t.db.query<{ channel: string; address: string; body: string }>(
      "SELECT channel, address, body FROM external_outbox WHERE address = '+85366123456'",
    )
    expect(out.rows[0]).toMatchObject({ channel: 'sms', address: '+85366123456' })
    expect(out.rows[0]!.body).toContain(`Your code is ${code}`)
    expect(out.rows[0]!.body).toContain(DEMO_ORG.name)
    const stored = await t.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM case_invitation_codes WHERE invitation_id = $1',
      [inv.invitation.id],
    )
    expect(stored.rows[0]!.code_hash).not.toContain(code)
    expect(await auditCount('case.invitation_code_sent', inv.invitation.id)).toBe(1)
    const ok = await acceptWith(t, inv.token, code)
    expect(ok.statusCode).toBe(200)
    expect(sessionCookie(ok)).toBeDefined()
    expect(ok.json().session.user.locale).toBe('en')
  })

  it('refuses a wrong code (and says so), then takes the right one', async () => {
    const inv = (await invite()).json()
    await requestCode(t, inv.token)
    const code = await deliveredCode(t, inv.token)
    const wrong = await acceptWith(t, inv.token, code === '123456' ? '654321' : '123456')
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'code', code: 'wrong' })
    expect(sessionCookie(wrong)).toBeUndefined()
    expect((await acceptWith(t, inv.token, code)).statusCode).toBe(200)
  })

  it('refuses an expired code', async () => {
    const inv = (await invite()).json()
    await requestCode(t, inv.token)
    const code = await deliveredCode(t, inv.token)
    t.setNow(new Date(Date.now() + 11 * 60_000))
    try {
      const late = await acceptWith(t, inv.token, code)
      expect(late.statusCode).toBe(400)
      expect(late.json().error.fields[0].code).toBe('expired')
      expect(sessionCookie(late)).toBeUndefined()
    } finally {
      t.setNow(null)
    }
  })

  it('allows at most 5 tries of a code; a new code replaces the old one', async () => {
    const inv = (await invite()).json()
    await requestCode(t, inv.token)
    const code = await deliveredCode(t, inv.token)
    const bad = code === '111111' ? '222222' : '111111'
    const codes = []
    for (let i = 0; i < 5; i++) codes.push((await acceptWith(t, inv.token, bad)).json().error.fields[0].code)
    expect(codes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'too_many'])
    const right = await acceptWith(t, inv.token, code)
    expect(right.json().error.fields[0].code).toBe('too_many')
    expect(sessionCookie(right)).toBeUndefined()
    expect(await auditCount('case.invitation_code_refused', inv.invitation.id)).toBe(6)
    await requestCode(t, inv.token)
    const fresh = await deliveredCode(t, inv.token)
    if (fresh !== code) expect((await acceptWith(t, inv.token, code)).json().error.fields[0].code).toBe('wrong')
    expect((await acceptWith(t, inv.token, fresh)).statusCode).toBe(200)
  })

  it('replaying an accepted invitation, or its used code, opens nothing', async () => {
    const inv = (await invite()).json()
    await requestCode(t, inv.token)
    const code = await deliveredCode(t, inv.token)
    expect((await acceptWith(t, inv.token, code)).statusCode).toBe(200)
    const replay = await acceptWith(t, inv.token, code)
    expect(replay.statusCode).toBe(404)
    expect(sessionCookie(replay)).toBeUndefined()
    expect((await requestCode(t, inv.token)).statusCode).toBe(404)
    expect((await preview(inv.token)).statusCode).toBe(404)
    // The used code does not open another pending invitation either.
    const other = (await invite()).json()
    await requestCode(t, other.token)
    const otherCode = await deliveredCode(t, other.token)
    if (otherCode !== code) {
      const crossed = await acceptWith(t, other.token, code)
      expect(crossed.statusCode).toBe(400)
      expect(sessionCookie(crossed)).toBeUndefined()
    }
  })

  it('stops sending codes after 5 for one invitation', async () => {
    const inv = (await invite()).json()
    for (let i = 0; i < 5; i++) expect((await requestCode(t, inv.token)).statusCode).toBe(200)
    expect((await requestCode(t, inv.token)).statusCode).toBe(429)
  })
})
