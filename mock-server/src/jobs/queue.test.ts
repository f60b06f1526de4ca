import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'
import { createWorker, enqueue, backoffMs } from './queue'
import { notify, notifyEach } from './notify'
import { catalogue } from './messages'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('job queue', () => {
  it('runs a job once, and a dedupe key keeps one job', async () => {
    const seen: unknown[] = []
    const w = createWorker({
      db: t.db,
      handlers: {
        'test.echo': async (job) => {
          seen.push(job.payload.n)
        },
      },
    })
    await t.db.tx(async (q) => {
      await enqueue(q, 'test.echo', { n: 1 }, { dedupeKey: 'echo-1' })
      await enqueue(q, 'test.echo', { n: 1 }, { dedupeKey: 'echo-1' })
      await enqueue(q, 'test.echo', { n: 2 })
    })
    expect(await w.drain()).toBe(2)
    expect(seen.sort()).toEqual([1, 2])
    expect(await w.drain()).toBe(0)
  })

  it('a job enqueued in a rolled-back transaction never exists', async () => {
    await expect(
      t.db.tx(async (q) => {
        await enqueue(q, 'test.ghost', {})
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    expect((await t.db.query("SELECT 1 FROM jobs WHERE kind = 'test.ghost'")).rowCount).toBe(0)
  })

  it('retries a failing job with backoff and gives up after max attempts', async () => {
    let clock = new Date('2026-01-01T00:00:00Z')
    let calls = 0
    const w = createWorker({
      db: t.db,
      now: () => clock,
      handlers: {
        'test.flaky': async () => {
          calls++
          throw new Error('boom')
        },
      },
    })
    await enqueue(t.db, 'test.flaky', {}, { maxAttempts: 3, runAt: clock })
    for (let i = 0; i < 5; i++) {
      await w.drain()
      clock = new Date(clock.getTime() + 3_600_000)
    }
    expect(calls).toBe(3)
    const row = (
      await t.db.query<{ status: string; last_error: string }>(
        "SELECT status, last_error FROM jobs WHERE kind = 'test.flaky'",
      )
    ).rows[0]!
    expect(row).toEqual({ status: 'failed', last_error: 'boom' })
  })

  it('picks up a job whose worker died while holding it', async () => {
    let clock = new Date('2026-02-01T00:00:00Z')
    await enqueue(t.db, 'test.crash', {}, { runAt: clock })
    await t.db.query("UPDATE jobs SET status = 'running', locked_until = $1 WHERE kind = 'test.crash'", [
      new Date(clock.getTime() + 60_000),
    ])
    let ran = 0
    const w = createWorker({
      db: t.db,
      now: () => clock,
      handlers: {
        'test.crash': async () => {
          ran++
        },
      },
    })
    expect(await w.drain()).toBe(0)
    clock = new Date(clock.getTime() + 61_000)
    expect(await w.drain()).toBe(1)
    expect(ran).toBe(1)
  })

  it('backoff grows and is capped', () => {
    expect(backoffMs(1, () => 0.5)).toBe(2000)
    expect(backoffMs(2, () => 0.5)).toBe(4000)
    expect(backoffMs(30, () => 0.5)).toBe(600_000)
  })
})

describe('work notifications', () => {
  it('are delivered through DingTalk, each with a unique id, skipping people without DingTalk', async () => {
    await t.db.tx(async (q) => {
      await notify(q, {
        userIds: ['u-lee', 'u-client-tse'],
        kind: 'test',
        title: 'New document',
        body: 'Draft reply uploaded',
        link: 'http://localhost/apps/case-room/',
      })
      await notify(q, { userIds: ['u-lee'], kind: 'test', title: 'New document', body: 'Draft reply uploaded' })
      await notify(q, { userIds: ['u-client-tse'], kind: 'test', title: 'Only external', body: 'x' })
    })
    await t.worker.drain()
    const toLee = t.sim.state.messages.filter((m) => m.userid === 'dt-u-lee')
    expect(toLee).toHaveLength(2)
    expect(toLee.every((m) => m.delivered)).toBe(true)
    const statuses = (await t.db.query<{ status: string }>('SELECT status FROM notifications ORDER BY created_at')).rows
      .map((r) => r.status)
      .sort()
    expect(statuses).toEqual(['sent', 'sent', 'skipped'])
  })

  it('survive DingTalk rate limiting: retried until sent, never duplicated', async () => {
    t.sim.state.faults = { mode: 'rate_limit', probability: 1, paths: ['/topapi/message'], delayMs: 0 }
    await notify(t.db, {
      userIds: ['u-chan'],
      kind: 'test',
      title: 'Hearing moved',
      body: 'HCA 1234/2026',
      dedupeKey: 'hearing-moved-1',
    })
    let clock = new Date()
    const w = createWorker({ db: t.db, now: () => clock, handlers: t.deps.jobHandlers })
    await w.drain()
    expect(t.sim.state.messages.filter((m) => m.userid === 'dt-u-chan')).toHaveLength(0)
    t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
    clock = new Date(clock.getTime() + 3_600_000)
    await w.drain()
    expect(t.sim.state.messages.filter((m) => m.userid === 'dt-u-chan')).toHaveLength(1)
  })

  it("are written in each recipient's own language, the button too", async () => {
    await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-wong'")
    const text = catalogue({
      'zh-HK': { moved: { title: '聆訊改期：{number}', body: '新日期 {date}' } },
      'zh-CN': { moved: { title: '聆讯改期：{number}', body: '新日期 {date}' } },
      en: { moved: { title: 'Hearing moved: {number}', body: 'New date {date}' } },
    })
    await t.db.tx((q) =>
      notifyEach(q, {
        userIds: ['u-chan', 'u-wong'],
        kind: 'test',
        text: (locale) => text(locale, 'moved', { number: 'HCA 9/2026', date: '2026-12-09' }),
        link: 'http://localhost/apps/court-calendar/',
        dedupeKey: 'moved-9',
      }),
    )
    await t.worker.drain()
    const card = (dingtalkId: string) =>
      t.sim.state.messages.filter((m) => m.userid === dingtalkId).at(-1)?.msg as {
        action_card: { title: string; single_title: string }
      }
    expect(card('dt-u-chan').action_card).toMatchObject({ title: '聆訊改期：HCA 9/2026', single_title: '打開' })
    expect(card('dt-u-wong').action_card).toMatchObject({ title: 'Hearing moved: HCA 9/2026', single_title: 'Open' })
  })
})
