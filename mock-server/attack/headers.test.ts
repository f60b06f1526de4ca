import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import {
  auditEntries,
  call,
  marker,
  messagesTo,
  mintCode,
  signIn,
  signInExternal,
  target,
  waitFor,
  type Session,
} from './client'
import { DEMO, uploadOk } from './fixtures'

/**
 * Headers a client can write itself. Behind no configured proxy none of them may change the
 * address the suite records or rate-limits by, the request id in the audit chain, the links it
 * sends in notifications or the pages it signs for the DingTalk JSAPI.
 */

const FORGED_IP = {
  'x-forwarded-for': '203.0.113.7',
  'x-real-ip': '203.0.113.8',
  forwarded: 'for=203.0.113.9;proto=https;host=evil.example',
  'true-client-ip': '203.0.113.10',
  'cf-connecting-ip': '203.0.113.11',
}
const FORGED_HOST = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
  forwarded: 'for=203.0.113.9;proto=https;host=evil.example',
  'x-original-host': 'evil.example',
}
const CLIENT_REQUEST_ID = 'attacker-chosen-request-id-0001'

describe('sign-in rate limit (SIGN_IN_RATE_LIMIT_PER_MINUTE=5, no trusted proxy)', () => {
  const base = inject('rateLimitURL')

  it.each(['/api/auth/dev', '/api/invitations/accept'])(
    'trips on %s however X-Forwarded-For, X-Real-IP and Forwarded rotate',
    async (path) => {
      const statuses: number[] = []
      for (let i = 1; i <= 12; i++) {
        const headers = {
          'x-forwarded-for': `198.51.100.${i}`,
          'x-real-ip': `198.51.100.${i}`,
          forwarded: `for=198.51.100.${i}`,
          'true-client-ip': `198.51.100.${i}`,
        }
        statuses.push(
          (
            await call(base, 'POST', path, {
              headers,
              json: path.endsWith('dev') ? { userId: `nobody-${i}` } : { token: 'x'.repeat(40) },
            })
          ).status,
        )
      }
      expect(statuses.slice(0, 5)).not.toContain(429)
      expect(statuses.slice(5)).toEqual(Array(7).fill(429))
    },
  )
})

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: forged proxy and host headers`, () => {
    const t = target(name)
    let officer: Session
    let partner: Session
    let client: Session
    const linkBase = () => `${t.publicBase}/apps/case-room/`

    beforeAll(async () => {
      officer = await signIn(t, 'u-ng')
      partner = await signIn(t, 'u-chan')
      client = await signInExternal(t, partner, DEMO.case, 'u-client-tse')
    })

    it('answers with its own request id, whatever X-Request-Id the client sends', async () => {
      const a = await call(t.baseURL, 'GET', '/api/auth/config', { headers: { 'x-request-id': CLIENT_REQUEST_ID } })
      expect(a.headers['x-request-id']).not.toBe(CLIENT_REQUEST_ID)
      expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    })

    it("records the connection's address in the audit chain, not X-Forwarded-For, X-Real-IP or Forwarded", async () => {
      const code = await mintCode(t, 'dt-u-cheung')
      expect((await call(t.baseURL, 'POST', '/api/auth/dingtalk', { json: { corpId: t.corpId, code } })).status).toBe(
        200,
      )
      const replay = await call(t.baseURL, 'POST', '/api/auth/dingtalk', {
        json: { corpId: t.corpId, code },
        headers: FORGED_IP,
      })
      expect(replay.status).toBe(401)
      const entry = (await auditEntries(officer, { action: 'auth.code_replayed' })).find(
        (e) => e.requestId === replay.headers['x-request-id'],
      )
      expect(entry, 'the replay is audited under the request id the server answered with').toBeDefined()
      expect(entry!.detail.ip).toBe('127.0.0.1')
    })

    it("records its own request id in the audit chain, never the client's X-Request-Id", async () => {
      const signedIn = await call(t.baseURL, 'POST', '/api/auth/dingtalk', {
        json: { corpId: t.corpId, code: await mintCode(t, 'dt-u-cheung') },
        headers: { 'x-request-id': CLIENT_REQUEST_ID },
      })
      expect(signedIn.status).toBe(200)
      const signIns = await auditEntries(officer, { action: 'auth.sign_in', actorId: 'u-cheung' })
      expect(signIns.map((e) => e.requestId)).not.toContain(CLIENT_REQUEST_ID)
      expect(signIns.map((e) => e.requestId)).toContain(signedIn.headers['x-request-id'])
    })

    it('builds invitation, sign-in-link and notification links on its public URL only, whatever Host and X-Forwarded-* say', async () => {
      const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
      const label = marker('invite')
      const inv = await partner.send('POST', `/api/cases/${DEMO.case}/invitations`, {
        json: {
          name: label,
          role: 'external_expert',
          tierCeiling: 'public',
          accessExpiry: { kind: 'date', date },
          contact: 'expert@example.org',
        },
        headers: FORGED_HOST,
      })
      expect(inv.status).toBe(201)
      expect(inv.json<{ url: string }>().url.startsWith(linkBase())).toBe(true)
      const link = await partner.send('POST', `/api/cases/${DEMO.case}/members/u-client-tse/sign-in-link`, {
        json: { linkValidHours: 1 },
        headers: FORGED_HOST,
      })
      expect(link.status).toBe(201)
      expect(link.json<{ url: string }>().url.startsWith(linkBase())).toBe(true)
      // The partner's colleagues on the case are told about the invitation; the external's comment reaches the partner.
      const note = marker('comment')
      expect(
        (
          await client.send('POST', `/api/cases/${DEMO.case}/threads/restricted/comments`, {
            json: { body: note },
            headers: FORGED_HOST,
          })
        ).status,
      ).toBe(201)
      for (const [who, text] of [
        ['dt-u-lee', label],
        ['dt-u-chan', note],
      ] as const) {
        const m = await waitFor(`the notification to ${who}`, async () =>
          (await messagesTo(t, who)).find((x) => JSON.stringify(x.msg).includes(text)),
        )
        const card = (m.msg as { action_card?: { single_url?: string } }).action_card
        expect(card?.single_url?.startsWith(linkBase()), JSON.stringify(m.msg)).toBe(true)
        expect(JSON.stringify(m.msg)).not.toContain('evil.example')
      }
    })

    it('signs JSAPI pages only on its own public origin, whatever Host and X-Forwarded-* say', async () => {
      const sign = (url: string, headers: Record<string, string> = {}) =>
        partner.send('POST', '/api/dingtalk/jsapi-signature', { json: { url }, headers })
      expect((await sign(`${t.publicBase}/apps/portal/?corpId=${t.corpId}`)).status).toBe(200)
      for (const url of [
        'https://evil.example/apps/portal/',
        'http://evil.example/',
        `https://evil.example${new URL(t.baseURL).port ? `:${new URL(t.baseURL).port}` : ''}/`,
      ]) {
        const a = await sign(url, FORGED_HOST)
        expect([url, a.status, a.json<{ error?: { fields?: { code: string }[] } }>().error?.fields?.[0]?.code]).toEqual(
          [url, 400, 'foreign_url'],
        )
      }
      // The same host under another scheme or port is another origin.
      const other = new URL(t.publicBase)
      other.protocol = other.protocol === 'https:' ? 'http:' : 'https:'
      expect((await sign(`${other.origin}/apps/portal/`)).status).toBe(400)
    })

    it('ignores X-Original-URL, X-Rewrite-URL and X-HTTP-Method-Override', async () => {
      const read = await client.get('/api/auth/session', {
        'x-original-url': '/api/audit',
        'x-rewrite-url': '/api/admin/users',
      })
      expect(read.status).toBe(200)
      expect(read.json()).toHaveProperty('csrfToken')
      expect(
        (
          await call(t.baseURL, 'GET', `/api/cases/${randomUUID()}`, {
            headers: { 'x-original-url': '/api/auth/config' },
          })
        ).status,
      ).toBe(401)
      const doc = await uploadOk(partner, DEMO.case, 'private', {
        name: 'override.txt',
        bytes: Buffer.from('method override'),
        mime: 'text/plain',
      })
      const url = `/api/cases/${DEMO.case}/documents/${doc}`
      const override = { 'x-http-method-override': 'DELETE', 'x-method-override': 'DELETE', 'x-http-method': 'DELETE' }
      await partner.send('POST', `${url}/views`, { json: { page: 1, durationMs: 1 }, headers: override })
      expect((await partner.send('GET', url, { headers: override })).status).toBe(200)
      expect((await partner.get(url)).status).toBe(200)
    })
  })
}
