import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '@suite/domain'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { makePdf, multipart } from '../testing/case-room'

/**
 * The findings of the outside review that the in-process tests can pin down precisely; the
 * attack suite (mock-server/attack) tries the same from outside against a running server.
 */
let t: TestApp
const HCA = 'case-hca-1234'
const as: Record<string, TestCredentials> = {}

beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } })
  for (const id of ['u-chan', 'u-lee', 'u-lam', 'u-ng', 'u-client-tse', 'u-expert-fung']) as[id] = await t.signIn(id)
})
afterAll(async () => {
  await t.close()
})

const get = (who: string, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...as[who]!.headers, ...headers } })
const post = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: as[who]!.headers, payload: payload as Record<string, unknown> })
async function upload(who: string, tier: string, name: string, bytes: Buffer) {
  const body = multipart(name, bytes)
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${HCA}/documents?tier=${tier}`,
    headers: { ...as[who]!.headers, ...body.headers },
    payload: body.payload,
  })
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const audits = async (action: string, actorId: string) =>
  (
    await t.db.query<{
      target_id: string | null
      case_id: string | null
      detail: Record<string, unknown>
      request_id: string
    }>(
      'SELECT target_id, case_id, detail, request_id FROM audit_log WHERE action = $1 AND actor_id = $2 ORDER BY seq',
      [action, actorId],
    )
  ).rows

describe('refused uploads leave nothing on disk', () => {
  it.each([
    ['an executable', 'tool.exe', () => Buffer.concat([Buffer.from('MZ'), randomBytes(256)])],
    ['an empty file', 'empty.pdf', () => Buffer.alloc(0)],
    ['a damaged PDF', 'broken.pdf', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300)])],
  ])('%s', async (_what, name, make) => {
    const bytes = make()
    const res = await upload('u-lee', 'restricted', name, bytes)
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(await t.deps.blobs.has(sha(bytes))).toBe(false)
  })

  it('keeps a file that an accepted upload stored before', async () => {
    const pdf = await makePdf(1, `kept ${randomBytes(4).toString('hex')}`)
    expect((await upload('u-lee', 'private', 'kept.pdf', pdf)).statusCode).toBe(201)
    // The same bytes, refused this time (an external may not upload to the private area).
    expect((await upload('u-client-tse', 'private', 'again.pdf', pdf)).statusCode).toBe(404)
    expect(await t.deps.blobs.has(sha(pdf))).toBe(true)
  })
})

describe('page cursors', () => {
  const bad = [
    '!!not base64!!',
    encodeCursor(['not a date', 'x']),
    encodeCursor({ seq: 1 }),
    encodeCursor(-3),
    encodeCursor(true),
    encodeCursor(['2026-01-01T00:00:00Z']),
  ]
  it.each([
    ['u-chan', '/api/cases'],
    ['u-chan', `/api/cases/${HCA}/documents?tier=public`],
    ['u-chan', '/api/users'],
    ['u-ng', '/api/audit'],
    ['u-lam', '/api/admin/users'],
    ['u-chan', '/api/classifier/reports'],
    ['u-chan', '/api/support/reports/mine'],
  ])('%s %s answers 400 for a cursor it did not hand out, never 500', async (who, url) => {
    for (const cursor of bad) {
      const res = await get(who, `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`)
      expect(res.statusCode, `${url} ${cursor}`).toBe(400)
      expect(res.json().error.fields[0]).toMatchObject({ path: 'cursor', code: 'invalid_cursor' })
    }
  })
})

describe("what outsiders see of the firm's private work", () => {
  it('a private document does not move the case\'s "last changed" that a client sees', async () => {
    const before = (await get('u-client-tse', `/api/cases/${HCA}`)).json().updatedAt
    expect((await upload('u-lee', 'private', 'strategy.pdf', await makePdf(1, 'private strategy'))).statusCode).toBe(
      201,
    )
    expect((await get('u-client-tse', `/api/cases/${HCA}`)).json().updatedAt).toBe(before)
    expect((await upload('u-lee', 'public', 'progress.pdf', await makePdf(1, 'progress report'))).statusCode).toBe(201)
    expect((await get('u-client-tse', `/api/cases/${HCA}`)).json().updatedAt).not.toBe(before)
  })

  it("a client's view log shows their own views and the firm's, never another outsider", async () => {
    const doc = (await upload('u-lee', 'restricted', 'draft.pdf', await makePdf(2, 'shared draft'))).json<{
      id: string
    }>()
    for (const who of ['u-expert-fung', 'u-client-tse', 'u-chan'])
      expect((await get(who, `/api/cases/${HCA}/documents/${doc.id}/pages/1`)).statusCode).toBe(200)
    const log = await get('u-client-tse', `/api/cases/${HCA}/documents/${doc.id}/views`)
    expect(log.statusCode).toBe(200)
    expect(log.body).not.toContain('u-expert-fung')
    expect(log.body).not.toContain('Fung')
    expect(
      log
        .json()
        .viewers.map((v: { viewerId: string }) => v.viewerId)
        .sort(),
    ).toEqual(['u-chan', 'u-client-tse'])
    // The firm still sees everyone.
    expect((await get('u-chan', `/api/cases/${HCA}/documents/${doc.id}/views`)).body).toContain('u-expert-fung')
  })

  it('every read by an outsider is in the audit chain with the reader, the item and the page', async () => {
    const doc = (await upload('u-lee', 'restricted', 'read-me.pdf', await makePdf(3, 'audited read'))).json<{
      id: string
    }>()
    const before = (await audits('external.read', 'u-client-tse')).length
    const base = `/api/cases/${HCA}/documents/${doc.id}`
    for (const url of [
      base,
      `${base}/pages/2`,
      `${base}/comments`,
      `${base}/views`,
      `/api/cases/${HCA}/threads/public/comments`,
    ]) {
      expect((await get('u-client-tse', url)).statusCode, url).toBe(200)
    }
    const rows = (await audits('external.read', 'u-client-tse')).slice(before)
    expect(rows.map((r) => r.detail.route)).toEqual([
      '/api/cases/:caseId/documents/:docId',
      '/api/cases/:caseId/documents/:docId/pages/:page',
      '/api/cases/:caseId/documents/:targetId/comments',
      '/api/cases/:caseId/documents/:docId/views',
      '/api/cases/:caseId/threads/:targetId/comments',
    ])
    expect(rows[1]).toMatchObject({ target_id: doc.id, case_id: HCA, detail: { page: 2 } })
    expect(rows.every((r) => r.case_id === HCA)).toBe(true)
    // The firm's own reads are its business; they are not flooded into the chain.
    await get('u-chan', base)
    expect(await audits('external.read', 'u-chan')).toEqual([])
  })

  it("the firm's remarks on a private draft stay private when the draft is shared", async () => {
    const doc = (await upload('u-lee', 'private', 'to-share.pdf', await makePdf(1, 'draft to share'))).json<{
      id: string
    }>()
    const comments = `/api/cases/${HCA}/documents/${doc.id}/comments`
    expect((await post('u-lee', comments, { body: 'Internal: weak on limitation, do not concede' })).statusCode).toBe(
      201,
    )
    expect(
      (
        await post('u-chan', `/api/cases/${HCA}/documents/${doc.id}/move`, {
          toTier: 'restricted',
          reason: 'Share the draft with the client for comments',
        })
      ).statusCode,
    ).toBe(200)
    expect((await post('u-client-tse', comments, { body: 'Looks fine to me' })).statusCode).toBe(201)
    const seen = await get('u-client-tse', comments)
    expect(seen.statusCode).toBe(200)
    expect(seen.json().items.map((c: { body: string }) => c.body)).toEqual(['Looks fine to me'])
    expect((await get('u-chan', comments)).json().items.map((c: { body: string }) => c.body)).toEqual([
      'Internal: weak on limitation, do not concede',
      'Looks fine to me',
    ])
  })

  it("outsiders see their hearing dates, not the firm's notes on them, and anonymous callers cannot probe ids", async () => {
    const created = await post('u-lee', '/api/court-calendar/hearings', {
      caseId: HCA,
      court: 'High Court',
      type: 'case_management',
      startsAt: '2027-03-04T10:00:00+08:00',
      lawyerIds: ['u-lee'],
      notes: 'Judge dislikes late bundles; brief counsel on costs',
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json<{ id: string }>().id
    expect((await get('u-lee', `/api/court-calendar/hearings/${id}`)).json().notes).toContain('Judge dislikes')
    const client = await get('u-client-tse', `/api/court-calendar/hearings/${id}`)
    expect(client.statusCode).toBe(200)
    expect(client.body).not.toContain('Judge dislikes')
    const agenda = await get('u-client-tse', '/api/court-calendar/agenda?from=2027-03-01&to=2027-03-31')
    expect(agenda.statusCode).toBe(200)
    expect(agenda.body).not.toContain('Judge dislikes')
    for (const path of [`/api/court-calendar/hearings/${id}`, '/api/court-calendar/hearings/no-such-hearing']) {
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode, path).toBe(401)
    }
  })

  it('staff-only configuration is not readable by outsiders', async () => {
    for (const url of [
      '/api/lowcode/published/form/support-report',
      '/api/lowcode/published/classification_policy/default',
    ]) {
      expect((await get('u-client-tse', url)).statusCode, url).toBe(403)
      expect((await get('u-expert-fung', url)).statusCode, url).toBe(403)
    }
    expect((await post('u-client-tse', '/api/lowcode/forms/support-report/check', { values: {} })).statusCode).toBe(403)
    expect((await get('u-lee', '/api/lowcode/published/form/support-report')).statusCode).toBe(200)
  })
})

describe('what a client can forge', () => {
  it("the request id in the answer and the audit chain is the server's own", async () => {
    const res = await post('u-lee', '/api/cases/' + HCA + '/events', {
      kind: 'update',
      title: 'Call with the client',
      occursAt: '2026-03-02T07:00:00.000Z',
    })
    const forged = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${HCA}/events`,
      headers: { ...as['u-lee']!.headers, 'x-request-id': 'attacker-chosen-id-0001' },
      payload: { kind: 'update', title: 'Forged id', occursAt: '2026-03-02T07:00:00.000Z' },
    })
    expect(res.statusCode).toBe(201)
    expect(forged.statusCode).toBe(201)
    expect(forged.headers['x-request-id']).not.toBe('attacker-chosen-id-0001')
    const ids = (await audits('case.event_create', 'u-lee')).map((r) => r.request_id)
    expect(ids).not.toContain('attacker-chosen-id-0001')
    expect(ids).toContain(forged.headers['x-request-id'])
  })

  it('X-Forwarded-For does not choose the address sessions record', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67' },
      payload: { userId: 'u-cheung' },
    })
    expect(res.statusCode).toBe(200)
    const ip = (
      await t.db.query<{ ip: string }>(
        "SELECT ip FROM sessions WHERE user_id = 'u-cheung' ORDER BY created_at DESC LIMIT 1",
      )
    ).rows[0]!.ip
    expect(ip).not.toMatch(/203\.0\.113/)
  })

  it("an outsider's words cannot become a link in the firm's work notifications", async () => {
    const doc = (await upload('u-lee', 'restricted', 'for-comment.pdf', await makePdf(1, 'comment here'))).json<{
      id: string
    }>()
    const text =
      'Please [open the invoice](https://evil.example/pay) or visit https://dingtalk-support.top/verify <a href="https://evil.example">here</a>'
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${HCA}/documents/${doc.id}/comments`,
      headers: { ...as['u-client-tse']!.headers, host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      payload: { body: text },
    })
    expect(res.statusCode).toBe(201)
    const from = t.sim.state.messages.length
    await t.worker.drain()
    const sent = t.sim.state.messages
      .slice(from)
      .map((m) => m.msg as { action_card?: { markdown: string; single_url: string } })
    const cards = sent.filter((m) => m.action_card?.markdown.includes('open the invoice'))
    expect(cards.length).toBeGreaterThan(0)
    for (const m of cards) {
      // No unescaped link syntax, no address DingTalk would link by itself, no HTML.
      expect(m.action_card!.markdown).not.toMatch(/(?<!\\)\]\(|https?:\/\/|<a\s|dingtalk-support\.top/)
      expect(m.action_card!.single_url.startsWith('http://127.0.0.1:8080/apps/case-room/')).toBe(true)
    }
  })
})
