import type { AuditCheckpoint, AuditPurgeResult, AuditRetention } from '@suite/domain'
import { MIN_AUDIT_RETENTION_DAYS } from '@suite/domain'
import type { Queryable } from '../db/db'
import { appendAudit, signCheckpoint, verifyAudit } from './log'

const DAY = 86_400_000

interface SettingsRow {
  retention_days: number
  updated_at: Date | null
  updated_by: string | null
}

/** The retention setting (days). */
export async function retentionDays(q: Queryable): Promise<number> {
  return (
    (await q.query<SettingsRow>('SELECT retention_days FROM audit_settings WHERE id = 1')).rows[0]?.retention_days ??
    365
  )
}

/** The instant before which entries may be purged. */
export const retentionCutoff = (days: number, now: Date) => new Date(now.getTime() - days * DAY)

/**
 * The last sequence number a purge may remove: the entry before the first one still inside
 * the retention window (so a purge never leaves a hole in the middle of kept entries).
 */
async function purgeThrough(q: Queryable, cutoff: Date): Promise<{ through: number | null; count: number }> {
  const keep =
    (await q.query<{ seq: number | null }>('SELECT min(seq) AS seq FROM audit_log WHERE at >= $1', [cutoff])).rows[0]
      ?.seq ?? null
  const { rows } = await q.query<{ seq: number | null; n: number }>(
    `SELECT max(seq) AS seq, count(*)::int AS n FROM audit_log ${keep === null ? '' : 'WHERE seq < $1'}`,
    keep === null ? [] : [keep],
  )
  return { through: rows[0]?.seq ?? null, count: rows[0]?.n ?? 0 }
}

/** The setting with what a purge would remove now. */
export async function describeRetention(q: Queryable, now: Date): Promise<AuditRetention> {
  const s = (
    await q.query<SettingsRow>('SELECT retention_days, updated_at, updated_by FROM audit_settings WHERE id = 1')
  ).rows[0]
  const days = s?.retention_days ?? 365
  const cutoff = retentionCutoff(days, now)
  const oldest = (await q.query<{ at: Date | null }>('SELECT min(at) AS at FROM audit_log')).rows[0]?.at ?? null
  const { count } = await purgeThrough(q, cutoff)
  return {
    retentionDays: days,
    updatedAt: s?.updated_at ? new Date(s.updated_at).toISOString() : null,
    updatedBy: s?.updated_by ?? null,
    cutoff: cutoff.toISOString(),
    oldestEntryAt: oldest ? new Date(oldest).toISOString() : null,
    purgeableCount: count,
  }
}

/** Change the retention; the database also refuses anything below 90 days. */
export async function setRetention(
  q: Queryable,
  days: number,
  userId: string | null,
  now: Date,
): Promise<{ before: number; after: number }> {
  if (!Number.isInteger(days) || days < MIN_AUDIT_RETENTION_DAYS)
    throw new Error(`retention below ${MIN_AUDIT_RETENTION_DAYS} days`)
  const before = await retentionDays(q)
  await q.query('UPDATE audit_settings SET retention_days = $1, updated_at = $2, updated_by = $3 WHERE id = 1', [
    days,
    now,
    userId,
  ])
  return { before, after: days }
}

/** Every checkpoint, newest first. */
export async function listCheckpoints(q: Queryable): Promise<AuditCheckpoint[]> {
  const { rows } = await q.query<{ seq: number; hash: string; at: Date; signature: string; reason: string }>(
    'SELECT seq, hash, at, signature, reason FROM audit_checkpoints ORDER BY seq DESC',
  )
  return rows.map((r) => ({
    seq: r.seq,
    hash: r.hash,
    at: new Date(r.at).toISOString(),
    signature: r.signature,
    reason: r.reason,
  }))
}

/** Thrown when the chain does not verify: purging then would destroy the evidence. */
export class ChainBrokenError extends Error {
  constructor(readonly firstBadSeq: number | null) {
    super(`the audit chain does not verify (first bad entry ${firstBadSeq})`)
    this.name = 'ChainBrokenError'
  }
}

/**
 * Remove the entries older than the retention window, inside the caller's transaction. The
 * chain is verified first (a broken chain is never purged), a signed checkpoint is written for
 * the last removed entry so verification restarts there, and the purge itself is audited.
 */
export async function purgeExpired(
  q: Queryable,
  p: { checkpointKey: string; now: Date; actorId: string | null; actorName: string | null; requestId?: string | null },
): Promise<AuditPurgeResult> {
  // Lock the head first: no entry is appended while we cut.
  await q.query('SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE')
  const check = await verifyAudit(q, p.checkpointKey)
  if (!check.ok) throw new ChainBrokenError(check.firstBadSeq)
  const days = await retentionDays(q)
  const cutoff = retentionCutoff(days, p.now)
  const { through, count } = await purgeThrough(q, cutoff)
  if (through === null || count === 0) return { purged: 0, checkpoint: null }
  const last = (await q.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [through])).rows[0]!
  const checkpoint: AuditCheckpoint = {
    seq: through,
    hash: last.hash,
    at: p.now.toISOString(),
    signature: signCheckpoint(p.checkpointKey, through, last.hash),
    reason: `purge: entries older than ${days} days (before ${cutoff.toISOString()})`,
  }
  await q.query('INSERT INTO audit_checkpoints (seq, hash, at, signature, reason) VALUES ($1, $2, $3, $4, $5)', [
    checkpoint.seq,
    checkpoint.hash,
    checkpoint.at,
    checkpoint.signature,
    checkpoint.reason,
  ])
  const del = await q.query('DELETE FROM audit_log WHERE seq <= $1', [through])
  await appendAudit(
    q,
    {
      actorId: p.actorId,
      actorName: p.actorName,
      requestId: p.requestId ?? null,
      action: 'audit.purge',
      targetType: 'audit',
      detail: {
        purged: del.rowCount,
        throughSeq: through,
        retentionDays: days,
        cutoff: cutoff.toISOString(),
        checkpointHash: checkpoint.hash,
        checkpointSignature: checkpoint.signature,
      },
    },
    p.now,
  )
  return { purged: del.rowCount, checkpoint }
}
