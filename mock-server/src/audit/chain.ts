import { createHash } from 'node:crypto'

/** The all-zero hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64)

/** The fields that are hashed, in the order an exported file carries them. */
export interface ChainEntry {
  seq: number
  at: string
  actorId: string | null
  actorName: string | null
  action: string
  targetType: string | null
  targetId: string | null
  caseId: string | null
  requestId: string | null
  detail: Record<string, unknown>
  prevHash: string
  hash: string
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

/** SHA-256 of the entry's content and the previous hash: hash = H(prevHash || canonical(entry)). */
export function entryHash(e: Omit<ChainEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    caseId: e.caseId,
    requestId: e.requestId,
    detail: e.detail,
  })
  return createHash('sha256').update(e.prevHash).update('\n').update(body).digest('hex')
}

/** Result of walking a run of entries. */
export interface ChainCheck {
  ok: boolean
  checked: number
  firstBadSeq: number | null
  reason: 'hash_mismatch' | 'broken_link' | 'gap' | 'reordered' | null
  headHash: string | null
}

/**
 * Walk entries in the order given. `start` says what the first entry must link to
 * (the genesis hash, or a checkpoint). Names the first entry that is wrong and why:
 * its own content changed (`hash_mismatch`), it does not link to its predecessor
 * (`broken_link`), a sequence number is missing (`gap`) or out of order (`reordered`).
 */
export function verifyRun(
  entries: Iterable<ChainEntry>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainCheck {
  let prevSeq = start.seq
  let prevHash = start.hash
  let checked = 0
  for (const e of entries) {
    const fail = (reason: ChainCheck['reason']): ChainCheck => ({
      ok: false,
      checked,
      firstBadSeq: e.seq,
      reason,
      headHash: prevHash,
    })
    if (e.seq <= prevSeq) return fail('reordered')
    if (e.seq !== prevSeq + 1)
      return { ok: false, checked, firstBadSeq: prevSeq + 1, reason: 'gap', headHash: prevHash }
    if (entryHash(e) !== e.hash) return fail('hash_mismatch')
    if (e.prevHash !== prevHash) return fail('broken_link')
    prevSeq = e.seq
    prevHash = e.hash
    checked++
  }
  return { ok: true, checked, firstBadSeq: null, reason: null, headHash: prevHash }
}
