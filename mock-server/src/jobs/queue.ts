import type { FastifyBaseLogger } from 'fastify'
import type { Db, Queryable } from '../db/db'

/** A claimed job as a handler sees it. */
export interface Job<P = Record<string, unknown>> {
  id: number
  kind: string
  payload: P
  attempts: number
  maxAttempts: number
}

/** What a handler may answer: nothing (done), or a delay to try again later without counting a failure. */
export type JobOutcome = void | { retryInMs: number }

/** Work for one kind of job. Throwing counts as a failed attempt and is retried with backoff. */
export type JobHandler = (job: Job, ctx: { db: Db; log: FastifyBaseLogger | null }) => Promise<JobOutcome>

/** Options of {@link enqueue}. */
export interface EnqueueOptions {
  /** Same key, same job: a second enqueue is ignored while the first exists. */
  dedupeKey?: string
  runAt?: Date
  maxAttempts?: number
}

/**
 * Add a job. Call it inside the transaction that makes the change, so the job exists exactly
 * when the change committed (a transactional outbox).
 */
export async function enqueue(
  q: Queryable,
  kind: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<number | null> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO jobs (kind, payload, dedupe_key, run_at, max_attempts) VALUES ($1, $2::jsonb, $3, $4, $5)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [kind, JSON.stringify(payload), opts.dedupeKey ?? null, opts.runAt ?? new Date(), opts.maxAttempts ?? 8],
  )
  return rows[0]?.id ?? null
}

/** Backoff after the n-th failed attempt: 2 s, 4 s, 8 s ... capped at 10 minutes, with jitter. */
export function backoffMs(attempt: number, random = Math.random): number {
  return Math.min(2000 * 2 ** (attempt - 1), 600_000) * (0.75 + random() * 0.5)
}

/** Options of {@link createWorker}. */
export interface WorkerOptions {
  db: Db
  handlers: Record<string, JobHandler>
  log?: FastifyBaseLogger | null
  /** How long a claimed job stays locked before another worker may take it (crash recovery). */
  lockMs?: number
  batch?: number
  pollMs?: number
  now?: () => Date
}

/**
 * A polling worker. `runOnce()` claims due jobs with `FOR UPDATE SKIP LOCKED`, runs them and
 * records the outcome; `start()` loops until `stop()`. A worker killed mid-job leaves the job
 * locked until `lockMs` passes, then any worker picks it up again.
 */
export function createWorker(o: WorkerOptions) {
  const lockMs = o.lockMs ?? 60_000
  const batch = o.batch ?? 10
  const now = o.now ?? (() => new Date())
  let timer: ReturnType<typeof setTimeout> | null = null
  let running = false
  let stopped = true

  async function claim(): Promise<Job[]> {
    const kinds = Object.keys(o.handlers)
    if (!kinds.length) return []
    const t = now()
    return o.db.tx(async (q) => {
      const { rows } = await q.query<{
        id: number
        kind: string
        payload: Record<string, unknown>
        attempts: number
        max_attempts: number
      }>(
        `SELECT id, kind, payload, attempts, max_attempts FROM jobs
         WHERE kind = ANY($1::text[]) AND (
           (status = 'queued' AND run_at <= $2) OR (status = 'running' AND locked_until < $2))
         ORDER BY run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [kinds, t, batch],
      )
      if (rows.length) {
        await q.query(
          `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2 WHERE id = ANY($1::bigint[])`,
          [rows.map((r) => r.id), new Date(t.getTime() + lockMs)],
        )
      }
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        payload: r.payload,
        attempts: r.attempts + 1,
        maxAttempts: r.max_attempts,
      }))
    })
  }

  async function finish(job: Job, outcome: JobOutcome | Error): Promise<void> {
    if (outcome instanceof Error) {
      const failed = job.attempts >= job.maxAttempts
      await o.db.query(
        `UPDATE jobs SET status = $2, run_at = $3, last_error = $4, locked_until = NULL, finished_at = CASE WHEN $2 = 'failed' THEN now() END WHERE id = $1`,
        [
          job.id,
          failed ? 'failed' : 'queued',
          new Date(now().getTime() + backoffMs(job.attempts)),
          outcome.message.slice(0, 2000),
        ],
      )
      return
    }
    if (outcome && 'retryInMs' in outcome) {
      // Not a failure (e.g. a rate-limit window): give the attempt back.
      await o.db.query(
        `UPDATE jobs SET status = 'queued', attempts = attempts - 1, run_at = $2, locked_until = NULL WHERE id = $1`,
        [job.id, new Date(now().getTime() + outcome.retryInMs)],
      )
      return
    }
    await o.db.query(
      `UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = now(), last_error = NULL WHERE id = $1`,
      [job.id],
    )
  }

  /** Run every due job once; returns how many ran. */
  async function runOnce(): Promise<number> {
    let total = 0
    for (;;) {
      const jobs = await claim()
      if (!jobs.length) return total
      for (const job of jobs) {
        const handler = o.handlers[job.kind]!
        let outcome: JobOutcome | Error
        try {
          outcome = await handler(job, { db: o.db, log: o.log ?? null })
        } catch (e) {
          outcome = e instanceof Error ? e : new Error(String(e))
          o.log?.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: outcome }, 'job failed')
        }
        await finish(job, outcome)
        total++
      }
    }
  }

  /** Run jobs until none is due (tests, CLI). Jobs scheduled for later are left. */
  async function drain(maxRounds = 1000): Promise<number> {
    let total = 0
    for (let i = 0; i < maxRounds; i++) {
      const n = await runOnce()
      total += n
      if (n === 0) return total
    }
    return total
  }

  function loop(): void {
    if (stopped) return
    timer = setTimeout(async () => {
      if (running) return loop()
      running = true
      try {
        await runOnce()
      } catch (e) {
        o.log?.error({ err: e }, 'job worker round failed')
      } finally {
        running = false
      }
      loop()
    }, o.pollMs ?? 1000)
  }

  return {
    runOnce,
    drain,
    start() {
      if (stopped) {
        stopped = false
        loop()
      }
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      while (running) await new Promise((r) => setTimeout(r, 20))
    },
  }
}
