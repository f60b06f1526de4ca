import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openTestDb } from '../testing'
import type { Db } from '../db/db'
import { appendAudit, verifyAudit } from './log'
import { exportAudit, verifyExport } from './export'
import { purgeExpired, setRetention } from './retention'
import { runAuditCli } from '../cli/audit'

const KEY = 'checkpoint-key-'.padEnd(40, 'k')
const DAY = 86_400_000
const NOW = new Date('2026-06-30T04:00:00Z')
let db: Db & { dropSchema(): Promise<void> }
let dir: string

beforeAll(async () => {
  db = await openTestDb()
  dir = await mkdtemp(join(tmpdir(), 'audit-cli-'))
})
afterAll(async () => {
  await db.dropSchema()
})

/** A fresh chain of `n` entries, one a day ending yesterday. */
async function freshChain(n = 10): Promise<void> {
  await db.exec(
    "DELETE FROM audit_log; DELETE FROM audit_checkpoints; UPDATE audit_head SET seq = 0, hash = repeat('0', 64)",
  )
  await db.tx(async (q) => {
    for (let i = 0; i < n; i++) {
      await appendAudit(
        q,
        {
          actorId: `u-${i % 3}`,
          actorName: `User ${i}`,
          action: i % 2 ? 'case.viewed' : 'document.downloaded',
          caseId: 'case-1',
          detail: { i, note: 'a, "quoted", line' },
        },
        new Date(NOW.getTime() - (n - i) * DAY),
      )
    }
  })
}
const exportText = async (format: 'json' | 'csv', from = '2026-01-01', to = '2026-12-31') => {
  let s = ''
  for await (const c of exportAudit(db, from, to, format, NOW)) s += c
  return s
}

describe('tampering with stored rows is found and the first bad entry named', () => {
  beforeEach(() => freshChain())

  it('verifies an untouched chain', async () => {
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: true, checked: 10, firstBadSeq: null })
  })

  it('an edited row (UPDATE) is a hash mismatch at that row', async () => {
    await db.query(`UPDATE audit_log SET detail = '{"i": 4, "note": "nothing to see"}'::jsonb WHERE seq = 5`)
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'hash_mismatch', checked: 4 })
  })

  it('an edited actor with a recomputed hash still breaks the link of the next row', async () => {
    const { entryHash } = await import('./chain')
    const r = (
      await db.query<{
        seq: number
        at: Date
        action: string
        detail: Record<string, unknown>
        prev_hash: string
        case_id: string
      }>('SELECT * FROM audit_log WHERE seq = 3')
    ).rows[0]!
    const forged = entryHash({
      seq: 3,
      at: new Date(r.at).toISOString(),
      actorId: 'u-someone-else',
      actorName: 'User 2',
      action: r.action,
      targetType: null,
      targetId: null,
      caseId: r.case_id,
      requestId: null,
      detail: r.detail,
      prevHash: r.prev_hash,
    })
    await db.query(`UPDATE audit_log SET actor_id = 'u-someone-else', hash = $1 WHERE seq = 3`, [forged])
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'broken_link' })
  })

  it('a deleted row (DELETE) is a gap at that row', async () => {
    await db.query('DELETE FROM audit_log WHERE seq = 7')
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: false, firstBadSeq: 7, reason: 'gap' })
  })

  it('a cut tail is caught by the head row', async () => {
    await db.query('DELETE FROM audit_log WHERE seq >= 9')
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: false, firstBadSeq: 9, reason: 'gap' })
  })

  it('swapped rows (reordered by renumbering) fail at the first swapped row', async () => {
    await db.query('UPDATE audit_log SET seq = -1 WHERE seq = 4')
    await db.query('UPDATE audit_log SET seq = 4 WHERE seq = 6')
    await db.query('UPDATE audit_log SET seq = 6 WHERE seq = -1')
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'hash_mismatch' })
  })

  it('swapped timestamps between two rows are caught', async () => {
    await db.query('UPDATE audit_log a SET at = b.at FROM audit_log b WHERE a.seq = 2 AND b.seq = 8')
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'hash_mismatch' })
  })
})

describe('export, then verification from the exported file alone', () => {
  beforeEach(() => freshChain())

  it.each(['json', 'csv'] as const)('a %s export verifies on its own, and any edit to it is found', async (format) => {
    const text = await exportText(format)
    expect(verifyExport(text)).toMatchObject({ ok: true, manifestOk: true, checked: 10 })
    const edited = text.replace('User 5', 'User 9')
    expect(verifyExport(edited)).toMatchObject({ ok: false, firstBadSeq: 6, reason: 'hash_mismatch' })
  })

  it('a line removed from a CSV export is a gap; lines swapped are "reordered"', async () => {
    const lines = (await exportText('csv')).split('\n')
    const removed = lines.filter((_, i) => i !== 4).join('\n')
    expect(verifyExport(removed)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'gap' })
    const swapped = [...lines]
    ;[swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!]
    expect(verifyExport(swapped.join('\n'))).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'reordered' })
  })

  it('a partial window chains from its anchor; dropping its last entry breaks the manifest', async () => {
    const text = await exportText('json', '2026-06-25', '2026-06-27')
    const doc = JSON.parse(text) as { entries: { seq: number }[]; manifest: { firstSeq: number } }
    expect(doc.entries.length).toBe(3)
    expect(verifyExport(text).ok).toBe(true)
    doc.entries.pop()
    expect(verifyExport(JSON.stringify(doc))).toMatchObject({ ok: false, manifestOk: false })
  })
})

describe('purge with a signed checkpoint', () => {
  beforeEach(() => freshChain(200))

  it('removes entries older than the retention, leaves a checkpoint, and the chain still verifies', async () => {
    await db.tx((q) => setRetention(q, 120, null, NOW))
    const r = await db.tx((q) => purgeExpired(q, { checkpointKey: KEY, now: NOW, actorId: 'u-lam', actorName: 'Lam' }))
    expect(r.purged).toBe(80)
    expect(r.checkpoint).toMatchObject({ seq: 80 })
    const v = await verifyAudit(db, KEY)
    expect(v).toMatchObject({ ok: true, fromCheckpoint: 80, checked: 121 })
    const last = (
      await db.query<{ action: string; detail: Record<string, unknown> }>(
        'SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1',
      )
    ).rows[0]!
    expect(last).toMatchObject({ action: 'audit.purge', detail: { purged: 80, throughSeq: 80, retentionDays: 120 } })
    // Tampering after the checkpoint is still found; a forged checkpoint is refused.
    await db.query(`UPDATE audit_log SET action = 'x' WHERE seq = 81`)
    expect(await verifyAudit(db, KEY)).toMatchObject({ ok: false, firstBadSeq: 81 })
    await db.query(`UPDATE audit_checkpoints SET seq = 81`)
    expect(await verifyAudit(db, KEY)).toMatchObject({
      ok: false,
      firstBadSeq: 81,
      reason: 'hash_mismatch',
      checked: 0,
    })
  })

  it('never goes below 90 days, and never purges a chain that does not verify', async () => {
    await expect(db.tx((q) => setRetention(q, 89, null, NOW))).rejects.toThrow()
    await expect(db.query('UPDATE audit_settings SET retention_days = 30')).rejects.toThrow()
    await db.tx((q) => setRetention(q, 90, null, NOW))
    await db.query('DELETE FROM audit_log WHERE seq = 150')
    await expect(
      db.tx((q) => purgeExpired(q, { checkpointKey: KEY, now: NOW, actorId: null, actorName: null })),
    ).rejects.toThrow(/first bad entry 150/)
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBe(199)
  })
})

describe('audit CLI', () => {
  const run = async (...argv: string[]) => {
    const lines: string[] = []
    const code = await runAuditCli(argv, {
      db: async () => db,
      secret: async () => KEY,
      out: (l) => lines.push(l),
      now: () => NOW,
    })
    return { code, text: lines.join('\n') }
  }
  beforeEach(() => freshChain())

  it('verify answers 0 on a good chain and 1 naming the entry on a bad one', async () => {
    expect(await run('verify')).toMatchObject({ code: 0, text: expect.stringContaining('OK: 10 entries') })
    await db.query(`UPDATE audit_log SET actor_name = 'Someone' WHERE seq = 6`)
    expect(await run('verify')).toMatchObject({
      code: 1,
      text: expect.stringContaining('entry #6: its content was changed'),
    })
  })

  it('exports to a file (audited) that verify-file checks alone', async () => {
    const out = join(dir, 'export.csv')
    expect(
      (await run('export', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'csv', '--out', out)).code,
    ).toBe(0)
    expect(
      (await db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0]!.action,
    ).toBe('audit.export')
    // The export's own audit entry is inside the window, so it is in the file too.
    expect(await run('verify-file', out)).toMatchObject({ code: 0, text: expect.stringContaining('OK: 11 entries') })
    await writeFile(out, (await readFile(out, 'utf8')).replace('User 2', 'User 7'))
    expect(await run('verify-file', out)).toMatchObject({ code: 1, text: expect.stringContaining('entry #3') })
  })

  it('refuses bad arguments with exit code 2', async () => {
    expect((await run('export', '--from', '2026-13-01', '--to', '2026-12-31', '--out', join(dir, 'x.json'))).code).toBe(
      2,
    )
    expect((await run('frobnicate')).code).toBe(2)
  })
})
