import { createHmac } from 'node:crypto'
import type { AuditEntry, AuditListEntry, AuditQuery, AuditVerification } from '@suite/domain'
import { SeqCursor, readCursor } from '../http/cursor'
import { encodeCursor } from '@suite/domain'
import type { Queryable } from '../db/db'
import { GENESIS_HASH, entryHash, verifyRun, type ChainEntry } from './chain'

/** What a caller says about one audited event; the chain fields are filled in here. */
export interface AuditEvent {
  actorId: string | null
  actorName: string | null
  action: string
  targetType?: string | null
  targetId?: string | null
  caseId?: string | null
  requestId?: string | null
  detail?: Record<string, unknown>
}

interface Row {
  seq: number
  at: Date
  actor_id: string | null
  actor_name: string | null
  action: string
  target_type: string | null
  target_id: string | null
  case_id: string | null
  request_id: string | null
  detail: Record<string, unknown>
  prev_hash: string
  hash: string
}

const COLS =
  'seq, at, actor_id, actor_name, action, target_type, target_id, case_id, request_id, detail, prev_hash, hash'

function toEntry(r: Row): AuditEntry & ChainEntry {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    caseId: r.case_id,
    requestId: r.request_id,
    detail: r.detail ?? {},
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

/**
 * Append one event to the chain. Call it with the transaction that makes the change, so the
 * change and its audit row commit or roll back together. Locks the head row: appends serialise.
 */
export async function appendAudit(q: Queryable, ev: AuditEvent, now = new Date()): Promise<AuditEntry> {
  const { rows } = await q.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
  )
  const head = rows[0]
  if (!head) throw new Error('audit_head missing: migrations not applied')
  const base = {
    seq: head.seq + 1,
    at: now.toISOString(),
    actorId: ev.actorId,
    actorName: ev.actorName,
    action: ev.action,
    targetType: ev.targetType ?? null,
    targetId: ev.targetId ?? null,
    caseId: ev.caseId ?? null,
    requestId: ev.requestId ?? null,
    detail: ev.detail ?? {},
    prevHash: head.hash,
  }
  const entry = { ...base, hash: entryHash(base) }
  await q.query(`INSERT INTO audit_log (${COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`, [
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.caseId,
    entry.requestId,
    JSON.stringify(entry.detail),
    entry.prevHash,
    entry.hash,
  ])
  await q.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [entry.seq, entry.hash])
  return entry
}

/** `%text%` for LIKE, with the wildcards the person typed taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Search the log, newest first, by keyset on `seq`. `q` finds entries whose case number (spaces
 * and case ignored: `hca1234/2026` finds `HCA 1234/2026`), case title or person's name contains
 * it, or whose person, case or target id is it. Each entry comes with its case's number and title
 * and its person's department.
 */
export async function listAudit(
  q: Queryable,
  query: AuditQuery,
): Promise<{ items: AuditListEntry[]; nextCursor: string | null }> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: string, ...vs: unknown[]) => {
    let out = sql
    for (const v of vs) {
      params.push(v)
      out = out.replace('?', `$${params.length}`)
    }
    where.push(out)
  }
  if (query.q) {
    const text = query.q.trim()
    add(
      `(a.actor_name ILIKE ? OR c.title ILIKE ? OR regexp_replace(lower(c.number), '\\s+', '', 'g') LIKE ?
        OR a.actor_id = ? OR a.case_id = ? OR a.target_id = ?)`,
      contains(text),
      contains(text),
      contains(text.toLowerCase().replace(/\s+/g, '')),
      text,
      text,
      text,
    )
  }
  if (query.actorId) add('a.actor_id = ?', query.actorId)
  if (query.action) add('a.action = ?', query.action)
  if (query.caseId) add('a.case_id = ?', query.caseId)
  if (query.from) add("a.at >= (?::date)::timestamp AT TIME ZONE 'Asia/Hong_Kong'", query.from)
  if (query.to) add("a.at < ((?::date + 1)::timestamp AT TIME ZONE 'Asia/Hong_Kong')", query.to)
  const cursor = readCursor(query.cursor, SeqCursor)
  if (cursor !== null) add('a.seq < ?', cursor)
  params.push(query.limit + 1)
  const { rows } = await q.query<
    Row & { case_number: string | null; case_title: string | null; department: string | null }
  >(
    `SELECT ${COLS.split(', ')
      .map((c) => `a.${c}`)
      .join(', ')}, c.number AS case_number, c.title AS case_title, u.department
     FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN users u ON u.id = a.actor_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT $${params.length}`,
    params,
  )
  const items = rows.slice(0, query.limit).map((r): AuditListEntry => ({
    ...toEntry(r),
    caseNumber: r.case_number,
    caseTitle: r.case_title,
    actorDepartment: r.department,
  }))
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.seq) : null }
}

/** Read the whole chain in batches, in `seq` order, without holding it all in memory. */
export async function* readChain(q: Queryable, fromSeq = 0, batch = 5000): AsyncGenerator<ChainEntry> {
  let after = fromSeq
  for (;;) {
    const { rows } = await q.query<Row>(`SELECT ${COLS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [
      after,
      batch,
    ])
    for (const r of rows) yield toEntry(r)
    if (rows.length < batch) return
    after = rows[rows.length - 1]!.seq
  }
}

/**
 * Verify the stored chain from the latest checkpoint (or genesis) to the head row.
 * The head row catches a truncated or rewritten tail that the links alone cannot show.
 */
export async function verifyAudit(q: Queryable, checkpointKey: string): Promise<AuditVerification> {
  const cp = (
    await q.query<{ seq: number; hash: string; signature: string }>(
      'SELECT seq, hash, signature FROM audit_checkpoints ORDER BY seq DESC LIMIT 1',
    )
  ).rows[0]
  const fromCheckpoint = cp?.seq ?? null
  if (cp && signCheckpoint(checkpointKey, cp.seq, cp.hash) !== cp.signature) {
    return { ok: false, checked: 0, firstBadSeq: cp.seq, reason: 'hash_mismatch', headHash: null, fromCheckpoint }
  }
  let cursor = cp ? { seq: cp.seq, hash: cp.hash } : { seq: 0, hash: GENESIS_HASH }
  let checked = 0
  const slice: ChainEntry[] = []
  const flush = () => {
    const r = verifyRun(slice, cursor)
    checked += r.checked
    const last = slice[slice.length - 1]
    if (r.ok && last) cursor = { seq: last.seq, hash: last.hash }
    slice.length = 0
    return r
  }
  // Verify in slices so memory stays flat on a long chain.
  for await (const e of readChain(q, cursor.seq)) {
    slice.push(e)
    if (slice.length >= 5000) {
      const r = flush()
      if (!r.ok) return { ...r, checked, fromCheckpoint }
    }
  }
  const r = flush()
  if (!r.ok) return { ...r, checked, fromCheckpoint }
  const head = (await q.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0]
  const bad = (firstBadSeq: number, reason: AuditVerification['reason']): AuditVerification => ({
    ok: false,
    checked,
    firstBadSeq,
    reason,
    headHash: cursor.hash,
    fromCheckpoint,
  })
  // The links cannot show a cut or rewritten tail; the head row can.
  if (!head) return bad(cursor.seq + 1, 'gap')
  if (head.seq > cursor.seq) return bad(cursor.seq + 1, 'gap')
  if (head.seq < cursor.seq) return bad(head.seq + 1, 'broken_link')
  if (head.hash !== cursor.hash) return bad(cursor.seq, 'hash_mismatch')
  return { ok: true, checked, firstBadSeq: null, reason: null, headHash: cursor.hash, fromCheckpoint }
}

/** HMAC of a checkpoint, so a forged checkpoint cannot restart the chain elsewhere. */
export function signCheckpoint(key: string, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`${seq}:${hash}`).digest('hex')
}

/** Entries whose time falls in [from, to] (Hong Kong dates), in order, for export. */
export async function* exportRange(q: Queryable, from: string, to: string, batch = 5000): AsyncGenerator<ChainEntry> {
  let after = 0
  for (;;) {
    const { rows } = await q.query<Row>(
      `SELECT ${COLS} FROM audit_log
       WHERE seq > $1 AND at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Hong_Kong'
         AND at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Hong_Kong')
       ORDER BY seq LIMIT $4`,
      [after, from, to, batch],
    )
    for (const r of rows) yield toEntry(r)
    if (rows.length < batch) return
    after = rows[rows.length - 1]!.seq
  }
}
