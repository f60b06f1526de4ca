import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeUser, demoUser } from '@suite/domain/testing'
import { API, testClient, useMswServer } from '../test-support'

const server = useMswServer()
const adminUser = { ...makeUser(demoUser('u-ho')), totpEnrolled: false, openSessions: 0 }

/** Records each request's method, path (as sent, still encoded) and body text. */
function recorder() {
  const seen: { method: string; path: string; body: string }[] = []
  const record = async (request: Request) => {
    seen.push({ method: request.method, path: new URL(request.url).pathname, body: await request.text() })
  }
  return { seen, record }
}

describe('admin resource', () => {
  it("sends the person's id as one encoded path segment, and the role as the body", async () => {
    const { seen, record } = recorder()
    server.use(
      http.put(`${API}/admin/users/:id/role`, async ({ request }) => {
        await record(request)
        return HttpResponse.json(adminUser)
      }),
      http.post(`${API}/admin/users/:id/enrolment-code`, async ({ request }) => {
        await record(request)
        return HttpResponse.json({ code: 'ABCD-EFGH-JKMN', expiresAt: '2026-12-03T10:00:00.000Z' }, { status: 201 })
      }),
    )
    const { client } = testClient()
    await expect(client.admin.users.setRole('u-ho', 'associate')).resolves.toMatchObject({ id: 'u-ho' })
    await expect(client.admin.users.issueEnrolmentCode('u/../ho')).resolves.toEqual({
      code: 'ABCD-EFGH-JKMN',
      expiresAt: '2026-12-03T10:00:00.000Z',
    })
    expect(seen).toEqual([
      { method: 'PUT', path: '/api/admin/users/u-ho/role', body: JSON.stringify({ role: 'associate' }) },
      { method: 'POST', path: '/api/admin/users/u%2F..%2Fho/enrolment-code', body: '' },
    ])
  })

  it('starts an enrolment with no body after a step-up, or with the set-up code IT issued', async () => {
    const { seen, record } = recorder()
    const enrolment = {
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/Suite:u-ho?secret=JBSWY3DPEHPK3PXP',
      issuer: 'Suite',
      accountName: 'u-ho',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    }
    server.use(
      http.post(`${API}/step-up/totp/enrol`, async ({ request }) => {
        await record(request)
        return HttpResponse.json(enrolment)
      }),
    )
    const { client } = testClient()
    await client.admin.stepUp.enrolTotp()
    await expect(client.admin.stepUp.enrolTotp('ABCD-EFGH-JKMN')).resolves.toMatchObject({ secret: 'JBSWY3DPEHPK3PXP' })
    expect(seen.map((s) => s.body)).toEqual(['', JSON.stringify({ enrolmentCode: 'ABCD-EFGH-JKMN' })])
  })

  it('purges with an empty object and hands out the checkpoints themselves', async () => {
    const { seen, record } = recorder()
    const checkpoint = {
      seq: 41,
      hash: 'a'.repeat(64),
      at: '2026-12-01T00:00:00.000Z',
      signature: 'b'.repeat(64),
      reason: 'retention',
    }
    server.use(
      http.post(`${API}/audit/purge`, async ({ request }) => {
        await record(request)
        return HttpResponse.json({ purged: 41, checkpoint })
      }),
      http.get(`${API}/audit/checkpoints`, () => HttpResponse.json({ items: [checkpoint] })),
    )
    const { client } = testClient()
    await expect(client.admin.audit.purge()).resolves.toEqual({ purged: 41, checkpoint })
    expect(seen[0]?.body).toBe('{}')
    await expect(client.admin.audit.checkpoints()).resolves.toEqual([checkpoint])
  })
})
