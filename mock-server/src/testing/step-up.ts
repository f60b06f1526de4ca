import { base32Decode, totp } from '../auth/totp'
import type { TestApp, TestCredentials } from './index'

/**
 * Elevate a signed-in test session the way a person would with DingTalk: the simulator mints a
 * fresh auth code for the user, the backend checks it belongs to them. For tests of routes that
 * call `requireStepUp` (the user needs a DingTalk id: any seeded firm member has one).
 */
export async function stepUpWithDingTalk(t: TestApp, creds: TestCredentials): Promise<void> {
  const me = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: creds.headers })).json<{
    user: { dingtalkUserId: string | null }
  }>()
  if (!me.user?.dingtalkUserId) throw new Error('stepUpWithDingTalk: this user has no DingTalk id')
  const code = (
    await t.sim.app.inject({ method: 'POST', url: '/_test/auth-codes', payload: { userid: me.user.dingtalkUserId } })
  ).json<{ code: string }>().code
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/step-up',
    headers: creds.headers,
    payload: { method: 'dingtalk', code },
  })
  if (res.statusCode !== 200) throw new Error(`step-up failed: ${res.statusCode} ${res.body}`)
}

/**
 * Enrol an authenticator for the signed-in user the way a person would: confirm with DingTalk
 * first (setting one up needs proof beyond the session), then scan and confirm. Returns its
 * secret and the recovery codes.
 */
export async function enrolTotp(
  t: TestApp,
  creds: TestCredentials,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  await stepUpWithDingTalk(t, creds)
  const e = await t.app.inject({ method: 'POST', url: '/api/step-up/totp/enrol', headers: creds.headers })
  if (e.statusCode !== 200) throw new Error(`enrol failed: ${e.statusCode} ${e.body}`)
  const secret = e.json<{ secret: string }>().secret
  const c = await t.app.inject({
    method: 'POST',
    url: '/api/step-up/totp/confirm',
    headers: creds.headers,
    payload: { code: totpCode(secret, t.deps.now()) },
  })
  if (c.statusCode !== 200) throw new Error(`confirm failed: ${c.statusCode} ${c.body}`)
  return { secret, recoveryCodes: c.json<{ codes: string[] }>().codes }
}

/** The authenticator code of `secret` at `at`, as a phone would show it. */
export function totpCode(secret: string, at: Date): string {
  return totp(base32Decode(secret), at)
}
