import { randomUUID } from 'node:crypto'
import type { TestApp, TestCredentials } from '../testing'

/** Values of a complete, valid report (base form), with overrides. */
export function reportValues(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    identifierKind: 'phone',
    identifier: '+852 6123 4567',
    channel: 'call',
    claimedIdentity: 'dingtalk_support',
    askedFor: ['one_time_code'],
    complied: 'no',
    message: '你好，我係釘釘客服，你的帳戶將被凍結',
    ...over,
  }
}

/** POST a report the way the app's outbox does. */
export async function submitReport(
  t: TestApp,
  who: TestCredentials,
  values: Record<string, unknown>,
  opts: { key?: string | null; formVersion?: number; reportedAt?: string } = {},
) {
  const headers: Record<string, string> = { ...who.headers }
  if (opts.key !== null) headers['idempotency-key'] = opts.key ?? randomUUID()
  return t.app.inject({
    method: 'POST',
    url: '/api/support/reports',
    headers,
    payload: { formVersion: opts.formVersion ?? 1, values, reportedAt: opts.reportedAt ?? new Date().toISOString() },
  })
}

/** The DingTalk messages the simulator received for one demo user, as text. */
export function messagesTo(t: TestApp, userId: string): string[] {
  return t.sim.state.messages.filter((m) => m.userid === `dt-${userId}`).map((m) => JSON.stringify(m.msg))
}
