import type { Queryable } from '../db/db'
import { entryHash, type ChainEntry } from '../audit/chain'

/** Options of {@link fillAudit}. */
export interface FillAuditOptions {
  /** Entries to add after the current head. */
  count: number
  /** Rows per INSERT statement (and per transaction). Default 5000. */
  batch?: number
  /** Time of the first new entry; each next one is `stepMs` later. Default: `count * stepMs` before now. */
  startAt?: Date
  stepMs?: number
  /** Who acts: ids of existing users (names are taken from `names`). */
  actors: { id: string; name: string }[]
  /** Cases the entries are about (some entries name none). */
  caseIds: string[]
  /** Called after each batch with how many were written so far. */
  onProgress?: (done: number) => void
}

const ACTIONS = [
  'case.view',
  'document.view',
  'document.download_denied',
  'case.member_added',
  'auth.sign_in',
  'document.upload',
  'comment.create',
  'case.update',
]

/**
 * Append `count` realistic entries to the audit chain quickly: hashes are computed here, in
 * order, exactly as `appendAudit` computes them, and rows go in with one multi-row
 * `INSERT ... SELECT FROM unnest(...)` per batch, each batch in its own transaction with the
 * head row moved along. The result verifies like a chain built one append at a time.
 * For benchmarks and load tests, never for production data.
 */
export async function fillAudit(
  db: { tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> },
  opts: FillAuditOptions,
): Promise<{ headSeq: number; headHash: string }> {
  const batch = opts.batch ?? 5000
  const stepMs = opts.stepMs ?? 1000
  let done = 0
  let head = { seq: 0, hash: '' }
  const start = (opts.startAt ?? new Date(Date.now() - opts.count * stepMs)).getTime()
  while (done < opts.count) {
    const n = Math.min(batch, opts.count - done)
    head = await db.tx(async (q) => {
      const h = (
        await q.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE')
      ).rows[0]
      if (!h) throw new Error('audit_head missing: migrations not applied')
      const cols: unknown[][] = Array.from({ length: 12 }, () => [])
      let prev = h.hash
      let seq = h.seq
      for (let i = 0; i < n; i++) {
        seq++
        const k = done + i
        const actor = opts.actors[k % opts.actors.length]!
        const caseId =
          k % 10 === 9 || opts.caseIds.length === 0 ? null : opts.caseIds[(k * 7919) % opts.caseIds.length]!
        const action = ACTIONS[k % ACTIONS.length]!
        const base: Omit<ChainEntry, 'hash'> = {
          seq,
          at: new Date(start + k * stepMs).toISOString(),
          actorId: actor.id,
          actorName: actor.name,
          action,
          targetType: caseId ? 'case' : 'session',
          targetId: caseId ?? `s-${k}`,
          caseId,
          requestId: `bench-${seq}`,
          detail: caseId ? { tier: (['public', 'restricted', 'private'] as const)[k % 3], n: k } : { n: k },
          prevHash: prev,
        }
        const hash = entryHash(base)
        const row = [
          base.seq,
          base.at,
          base.actorId,
          base.actorName,
          base.action,
          base.targetType,
          base.targetId,
          base.caseId,
          base.requestId,
          JSON.stringify(base.detail),
          base.prevHash,
          hash,
        ]
        row.forEach((v, c) => cols[c]!.push(v))
        prev = hash
      }
      await q.query(
        `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target_type, target_id, case_id, request_id, detail, prev_hash, hash)
         SELECT s, a, ai, an, ac, tt, ti, ci, ri, d::jsonb, ph, hh
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
           AS t(s, a, ai, an, ac, tt, ti, ci, ri, d, ph, hh)`,
        cols,
      )
      await q.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prev])
      return { seq, hash: prev }
    })
    done += n
    opts.onProgress?.(done)
  }
  return { headSeq: head.seq, headHash: head.hash }
}
