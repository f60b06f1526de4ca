import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'
import { createWorker } from '../jobs/queue'
import { notify } from '../jobs/notify'
import { DingTalkApiError } from './client'

/**
 * DingTalk failing in the ways it does, where the other tests do not already cover it
 * (auth.test.ts: 5xx and intermittent 90002 at sign-in; queue.test.ts: 90002 on notifications;
 * court-calendar sync.test.ts: 20% 5xx / 90002 during calendar sync). Here: calls that time
 * out, calls that succeed on DingTalk's side but answer too late for us (`slow_success`: the
 * case that makes duplicates), persistent rate limiting, and 5xx on notifications.
 * The test client gives up on a call after 2 s and tries 4 times.
 */

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})
afterEach(() => {
  t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
})

const mintCode = async (userid: string) =>
  (await t.sim.app.inject({ method: 'POST', url: '/_test/auth-codes', payload: { userid } })).json<{ code: string }>()
    .code
const signIn = async (code: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { corpId: t.env.DINGTALK_CORP_ID, code } })
const signInsOf = async (userId: string) =>
  (
    await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign_in' AND actor_id = $1",
      [userId],
    )
  ).rows[0]!.n

describe('sign-in while DingTalk misbehaves', () => {
  it('DingTalk timing out: a clear 502 after bounded retries, no session, and a fresh code works once it recovers', async () => {
    t.sim.state.faults = { mode: 'timeout', probability: 1, paths: ['/topapi'], delayMs: 2500 }
    const before = await signInsOf('u-ho')
    const code = await mintCode('dt-u-ho')
    const started = Date.now()
    const res = await signIn(code)
    expect(res.statusCode).toBe(502)
    expect(res.json().error).toMatchObject({
      code: 'upstream_unavailable',
      message: expect.stringMatching(/DingTalk is not answering/),
    })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(res.cookies.find((c) => c.name === 'suite_sid')).toBeUndefined()
    expect(await signInsOf('u-ho')).toBe(before)

    t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
    // The code was spent on the attempt (DingTalk codes are single-use): the app asks for a new one.
    expect((await signIn(code)).statusCode).toBe(401)
    const ok = await signIn(await mintCode('dt-u-ho'))
    expect(ok.statusCode).toBe(200)
    expect(await signInsOf('u-ho')).toBe(before + 1)
  }, 30_000)

  it('DingTalk rate limiting without pause (90002 on every call): a clear 502, not a hang, and no session', async () => {
    t.sim.state.faults = { mode: 'rate_limit', probability: 1, paths: ['/topapi'], delayMs: 0 }
    const before = await signInsOf('u-cheung')
    const res = await signIn(await mintCode('dt-u-cheung'))
    expect(res.statusCode).toBe(502)
    expect(res.json().error.code).toBe('upstream_unavailable')
    expect(await signInsOf('u-cheung')).toBe(before)
    expect(t.deps.dingtalk.metrics.retries).toBeGreaterThan(0)
  })
})

describe('work notifications while DingTalk misbehaves', () => {
  const deliveredTo = (userid: string, marker: string) =>
    t.sim.state.messages.filter((m) => m.userid === userid && m.delivered && JSON.stringify(m).includes(marker))

  it('5xx: the job is retried later and the message arrives once', async () => {
    t.sim.state.faults = { mode: 'server_error', probability: 1, paths: ['/topapi/message'], delayMs: 0 }
    const id = await notify(t.db, {
      userIds: ['u-wong'],
      kind: 'test',
      title: 'Filing due',
      body: 'FAULT-5XX HCA 1234/2026',
    })
    let clock = new Date()
    const w = createWorker({ db: t.db, now: () => clock, handlers: t.deps.jobHandlers })
    await w.drain()
    expect(deliveredTo('dt-u-wong', 'FAULT-5XX')).toHaveLength(0)
    const job = (
      await t.db.query<{ status: string; attempts: number; last_error: string }>(
        "SELECT status, attempts, last_error FROM jobs WHERE payload->>'notificationId' = $1",
        [id],
      )
    ).rows[0]!
    expect(job).toMatchObject({ status: 'queued', attempts: 1 })
    expect(job.last_error).toMatch(/unavailable|5\d\d|busy|系统繁忙/i)

    t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
    clock = new Date(clock.getTime() + 3_600_000)
    await w.drain()
    expect(deliveredTo('dt-u-wong', 'FAULT-5XX')).toHaveLength(1)
    expect(
      (await t.db.query<{ status: string }>('SELECT status FROM notifications WHERE id = $1', [id])).rows[0]!.status,
    ).toBe('sent')
  })

  it('answers lost after DingTalk accepted the message (slow_success): retries resend, the person sees it once', async () => {
    t.sim.state.faults = { mode: 'slow_success', probability: 1, paths: ['/topapi/message'], delayMs: 2500 }
    const id = await notify(t.db, {
      userIds: ['u-lee'],
      kind: 'test',
      title: 'Hearing moved',
      body: 'FAULT-SLOW HCA 1234/2026',
    })
    let clock = new Date()
    const w = createWorker({ db: t.db, now: () => clock, handlers: t.deps.jobHandlers })
    await w.drain()
    // Every attempt reached DingTalk; all but the first were same-day duplicates it dropped.
    const sends = t.sim.state.messages.filter(
      (m) => m.userid === 'dt-u-lee' && JSON.stringify(m).includes('FAULT-SLOW'),
    )
    expect(sends.length).toBeGreaterThan(1)
    expect(deliveredTo('dt-u-lee', 'FAULT-SLOW')).toHaveLength(1)

    t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
    clock = new Date(clock.getTime() + 3_600_000)
    await w.drain()
    expect(deliveredTo('dt-u-lee', 'FAULT-SLOW')).toHaveLength(1)
    expect(
      (await t.db.query<{ status: string }>('SELECT status FROM notifications WHERE id = $1', [id])).rows[0]!.status,
    ).toBe('sent')
  }, 30_000)
})

describe('calendar writes while DingTalk misbehaves', () => {
  it('a create whose answer is lost (slow_success) makes one event: the retry with the same x-client-token finds it', async () => {
    const unionId = 'union-u-chan-000001'
    const ev = {
      summary: 'FAULT-CAL trial',
      start: { date: '2026-09-01' },
      end: { date: '2026-09-02' },
      isAllDay: true,
    }
    const events = () => [...t.sim.state.events.values()].filter((e) => JSON.stringify(e).includes('FAULT-CAL'))
    t.sim.state.faults = { mode: 'slow_success', probability: 1, paths: ['/v1.0/calendar'], delayMs: 2500 }
    const failed = await t.deps.dingtalk.calendar.create(unionId, ev, 'hearing-fault-1').catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(DingTalkApiError)
    expect((failed as DingTalkApiError).kind).toBe('timeout')
    expect(events()).toHaveLength(1)

    t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
    const again = await t.deps.dingtalk.calendar.create(unionId, ev, 'hearing-fault-1')
    expect(events()).toHaveLength(1)
    expect(again.id).toBe(events()[0]!.id)
  }, 30_000)

  it('without a client token the same loss would duplicate: why sync must always send one', async () => {
    const unionId = 'union-u-chan-000001'
    const ev = { summary: 'FAULT-NOTOKEN', start: { date: '2026-09-03' }, end: { date: '2026-09-04' }, isAllDay: true }
    t.sim.state.faults = { mode: 'slow_success', probability: 1, paths: ['/v1.0/calendar'], delayMs: 2500 }
    await t.deps.dingtalk.calendar.create(unionId, ev).catch(() => undefined)
    expect(
      [...t.sim.state.events.values()].filter((e) => JSON.stringify(e).includes('FAULT-NOTOKEN')).length,
    ).toBeGreaterThan(1)
  }, 30_000)
})
