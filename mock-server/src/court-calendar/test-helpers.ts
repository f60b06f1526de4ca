import { expect } from 'vitest'
import type { TestApp } from '../testing'

/** createTestApp options for court-calendar tests: many sign-ins per minute. */
export const COURT_TEST_ENV = { SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000' }

/** A signed-in caller of the court-calendar API in a test: `call('POST', '/hearings', body, 201)`. */
export async function courtCaller(t: TestApp, userId: string) {
  const c = await t.signIn(userId)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
  return async function call<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    payload?: unknown,
    status = 200,
  ): Promise<T> {
    const res = await t.app.inject({
      method,
      url: `/api/court-calendar${path}`,
      headers: c.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
    expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(status)
    return (res.body ? res.json() : null) as T
  }
}

/** Run queued jobs until none is due, moving the test clock on past backoff waits (at most `rounds` times). */
export async function drainAll(t: TestApp, rounds = 60, stepMs = 15 * 60_000): Promise<void> {
  let clock = t.deps.now()
  for (let i = 0; i < rounds; i++) {
    await t.worker.drain()
    const left = (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE kind = 'court.calendar.sync' AND status IN ('queued','running')`,
      )
    ).rows[0]!.n
    if (!left) return
    clock = new Date(clock.getTime() + stepMs)
    t.setNow(clock)
  }
}

/** The simulator's live (not cancelled) events. */
export const liveEvents = (t: TestApp) => [...t.sim.state.events.values()].filter((e) => e.status !== 'cancelled')
