import { describe, expect, it } from 'vitest'
import { buildSimulator } from '../simulator/app'
import { demoSimUsers } from '../seed'
import { createDingTalkClient, DingTalkApiError } from './client'
import { injectFetch } from './inject-fetch'
import { jsapiSignature, normaliseSignedUrl } from './signature'

function setup(o: { maxAttempts?: number; timeoutMs?: number } = {}) {
  const sim = buildSimulator({ corpId: 'corp', appKey: 'k', appSecret: 's', users: demoSimUsers() })
  const client = createDingTalkClient({
    apiBase: 'http://sim',
    oapiBase: 'http://sim',
    appKey: 'k',
    appSecret: 's',
    agentId: '1',
    fetch: injectFetch(sim.app, 'http://sim'),
    sleep: async () => undefined,
    ...o,
  })
  return { sim, client }
}
const unionId = 'union-u-chan-000001'

describe('DingTalk client against the simulator', () => {
  it('caches the access token', async () => {
    const { sim, client } = setup()
    await client.getUser('dt-u-chan')
    await client.getUser('dt-u-lee')
    expect(sim.state.calls.get('/v1.0/oauth2/accessToken')).toBe(1)
  })

  it('refuses a wrong app secret as a definite rejection', async () => {
    const sim = buildSimulator({ corpId: 'corp', appKey: 'k', appSecret: 's', users: [] })
    const client = createDingTalkClient({
      apiBase: 'http://sim',
      oapiBase: 'http://sim',
      appKey: 'k',
      appSecret: 'wrong',
      agentId: '1',
      fetch: injectFetch(sim.app, 'http://sim'),
    })
    await expect(client.accessToken()).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('a calendar create with the same x-client-token makes one event', async () => {
    const { sim, client } = setup()
    const ev = {
      summary: 'HCA 1234/2026 CMC',
      start: { dateTime: '2026-12-01T10:00:00+08:00', timeZone: 'Asia/Hong_Kong' },
      end: { dateTime: '2026-12-01T11:00:00+08:00', timeZone: 'Asia/Hong_Kong' },
    }
    const a = await client.calendar.create(unionId, ev, 'hearing-1-v1')
    const b = await client.calendar.create(unionId, ev, 'hearing-1-v1')
    expect(a.id).toBe(b.id)
    expect([...sim.state.events.values()]).toHaveLength(1)
    await client.calendar.update(unionId, a.id, { summary: 'HCA 1234/2026 CMC (moved)' })
    expect((await client.calendar.list(unionId)).events[0]!.summary).toContain('moved')
    await client.calendar.remove(unionId, a.id)
    expect((await client.calendar.list(unionId)).events).toHaveLength(0)
    await expect(client.calendar.remove(unionId, a.id)).rejects.toMatchObject({ kind: 'rejected', status: 404 })
  })

  it('all-day deadlines use date with an exclusive end', async () => {
    const { client } = setup()
    const r = await client.calendar.create(unionId, {
      summary: 'Defence due',
      isAllDay: true,
      start: { date: '2026-04-30' },
      end: { date: '2026-05-01' },
    })
    expect(r.id).toMatch(/^ev/)
  })

  it('retries 90002 and 5xx, then gives up with a typed error', async () => {
    const { sim, client } = setup({ maxAttempts: 3 })
    await client.accessToken()
    sim.state.faults = { mode: 'rate_limit', probability: 1, paths: ['/topapi'], delayMs: 0 }
    const err = await client.getUser('dt-u-chan').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DingTalkApiError)
    expect(err).toMatchObject({ kind: 'rate_limited', code: '90002', retryable: true })
    expect(client.metrics.retries).toBe(2)
    sim.state.faults = { mode: 'server_error', probability: 1, paths: ['/v1.0/calendar'], delayMs: 0 }
    await expect(client.calendar.list(unionId)).rejects.toMatchObject({ kind: 'unavailable', status: 503 })
  })

  it('times out a hanging call', async () => {
    const { sim, client } = setup({ maxAttempts: 1, timeoutMs: 50 })
    await client.accessToken()
    sim.state.faults = { mode: 'timeout', probability: 1, paths: ['/topapi'], delayMs: 500 }
    await expect(client.getUser('dt-u-chan')).rejects.toMatchObject({ kind: 'timeout' })
  })

  it('refreshes an expired token once', async () => {
    const { sim, client } = setup()
    await client.getUser('dt-u-chan')
    sim.state.tokens.clear()
    await expect(client.getUser('dt-u-chan')).resolves.toMatchObject({ userid: 'dt-u-chan' })
    expect(sim.state.calls.get('/v1.0/oauth2/accessToken')).toBe(2)
  })

  it('drops same-day duplicate notifications like DingTalk does', async () => {
    const { sim, client } = setup()
    await client.sendWorkNotification(['dt-u-chan'], { msgtype: 'text', text: { content: 'same' } })
    await client.sendWorkNotification(['dt-u-chan'], { msgtype: 'text', text: { content: 'same' } })
    expect(sim.state.messages.map((m) => m.delivered)).toEqual([true, false])
  })

  it('lists the directory by department with cursors', async () => {
    const { client } = setup()
    const all = await client.listDepartmentUsers(1)
    expect(all.length).toBe(demoSimUsers().length)
  })

  it('enforces a per-API QPS limit as 90002', async () => {
    const { sim, client } = setup({ maxAttempts: 1 })
    await client.accessToken()
    sim.state.qpsLimit = 2
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => client.getUser('dt-u-chan')))
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0)
  })
})

describe('JSAPI signature', () => {
  it('matches the documented formula', () => {
    // sha1("jsapi_ticket=T&noncestr=N&timestamp=1&url=https://a.example/p?x=1"), computed with sha1sum
    expect(jsapiSignature('T', 'N', 1, 'https://a.example/p?x=1')).toBe('b3d60bb69e03e1ce66eea535a2c5b80be0f0043b')
    expect(jsapiSignature('T', 'N', 1, 'https://a.example:443/p?x=1#/route')).toBe(
      jsapiSignature('T', 'N', 1, 'https://a.example/p?x=1'),
    )
    expect(normaliseSignedUrl('https://a.example:443/p?x=1#/r')).toBe('https://a.example/p?x=1')
    expect(normaliseSignedUrl('http://localhost:8080/a#b')).toBe('http://localhost:8080/a')
  })
})
