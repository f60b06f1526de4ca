import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, openTestDb, type TestApp } from '../testing'
import { verifyAudit } from '../audit/log'
import { enqueue } from '../jobs/queue'
import { createLocalBlobStore } from '../storage/blob-store'
import type { Db } from '../db/db'
import { BackupInvalidError, backup, restore, verifyBackup } from './backup'

type TestDb = Awaited<ReturnType<typeof openTestDb>>
let t: TestApp
let work: string
let dir: string
const targets: TestDb[] = []

/** Every table's rows as PostgreSQL renders them, in primary-key order. */
async function dump(db: Db): Promise<Record<string, string[]>> {
  const tables = (
    await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    )
  ).rows.map((r) => r.table_name)
  const out: Record<string, string[]> = {}
  for (const name of tables) {
    if (name === 'schema_migrations') continue
    out[name] = (await db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${name}" t`)).rows
      .map((r) => r.j)
      .sort()
  }
  return out
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

beforeAll(async () => {
  t = await createTestApp()
  work = await mkdtemp(join(tmpdir(), 'suite-backup-test-'))
  // Data of every kind: a case through the API (audited), stored files, a job, a JSON detail.
  const partner = await t.signIn('u-chan')
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: partner.headers,
    payload: { number: 'HCA 9/2026', title: '備份 Backup test 案件', clientName: 'Round Trip Ltd' },
  })
  expect(res.statusCode).toBe(201)
  for (const bytes of [PNG, Buffer.from('%PDF-1.4\n% backup test\n'), Buffer.from('plain text file')]) {
    const s = await t.deps.blobs.put(Readable.from(bytes), 1024 * 1024)
    await t.db.query('INSERT INTO blobs (sha256, size, mime) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      s.sha256,
      s.size,
      s.mime,
    ])
  }
  await enqueue(t.db, 'backup.test', { note: 'kept as it was', list: [1, 2, 3] })
  dir = join(work, 'backup')
  await backup({ db: t.db, blobs: t.deps.blobs, outDir: dir, hmacKey: t.deps.secret })
}, 120_000)

afterAll(async () => {
  for (const db of targets) await db.dropSchema()
  await t.close()
  await rm(work, { recursive: true, force: true })
})

async function freshTarget() {
  const db = await openTestDb()
  targets.push(db)
  const blobs = createLocalBlobStore(await mkdtemp(join(work, 'blobs-')))
  return { db, blobs }
}

describe('backup and restore', () => {
  it('round-trips every table, every stored file and the audit chain', async () => {
    const manifest = await verifyBackup(dir, t.deps.secret)
    expect(manifest.files.length).toBeGreaterThanOrEqual(3)
    expect(manifest.audit.verified).toBe(true)
    const { db, blobs } = await freshTarget()
    const { audit } = await restore({ db, blobs, fromDir: dir, hmacKey: t.deps.secret })
    expect(audit?.ok).toBe(true)
    expect(await dump(db)).toEqual(await dump(t.db))
    for (const f of manifest.files) expect(await blobs.has(f.sha256)).toBe(true)
    // Sequences continue past the restored ids.
    expect(await enqueue(db, 'backup.after', {})).toBeGreaterThan(0)
  })

  it('refuses a backup whose table file was changed, before writing anything', async () => {
    const bad = join(work, 'tampered')
    await cp(dir, bad, { recursive: true })
    const file = join(bad, 'db', 'cases.jsonl')
    await writeFile(file, (await readFile(file, 'utf8')).replace('Round Trip Ltd', 'Round Trip Lte'))
    const { db, blobs } = await freshTarget()
    const err = await restore({ db, blobs, fromDir: bad, hmacKey: t.deps.secret }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackupInvalidError)
    expect((err as BackupInvalidError).problems.join('\n')).toMatch(/db\/cases\.jsonl: SHA-256/)
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orgs')).rows[0]!.n).toBe(0)
    const someFile = (await verifyBackup(dir)).files[0]!
    expect(await blobs.has(someFile.sha256)).toBe(false)
  })

  it('refuses a missing or extra file, a forged manifest and the wrong key', async () => {
    const bad = join(work, 'broken')
    await cp(dir, bad, { recursive: true })
    const m = await verifyBackup(dir)
    await rm(join(bad, m.files[0]!.path))
    await writeFile(join(bad, 'db', 'smuggled.jsonl'), '{}\n')
    await expect(verifyBackup(bad)).rejects.toThrow(/missing[\s\S]*smuggled\.jsonl: not in the manifest/)

    const forged = join(work, 'forged')
    await cp(dir, forged, { recursive: true })
    const manifest = JSON.parse(await readFile(join(forged, 'manifest.json'), 'utf8'))
    manifest.audit.headSeq += 1
    await writeFile(join(forged, 'manifest.json'), JSON.stringify(manifest))
    await expect(verifyBackup(forged, t.deps.secret)).rejects.toThrow(/signature does not match/)
    await expect(verifyBackup(dir, 'another-installation-secret-'.padEnd(40, 'y'))).rejects.toThrow(
      /signature does not match/,
    )
  })

  it('refuses a database that already holds data unless forced, then replaces it', async () => {
    const { db, blobs } = await freshTarget()
    await restore({ db, blobs, fromDir: dir, hmacKey: t.deps.secret })
    await db.query("UPDATE cases SET title = 'changed after restore' WHERE number = 'HCA 9/2026'")
    await expect(restore({ db, blobs, fromDir: dir, hmacKey: t.deps.secret })).rejects.toThrow(/already holds data/)
    await restore({ db, blobs, fromDir: dir, hmacKey: t.deps.secret, force: true })
    expect(await dump(db)).toEqual(await dump(t.db))
    expect((await verifyAudit(db, t.deps.secret)).ok).toBe(true)
  })

  it('refuses to back up into a folder that is not empty', async () => {
    await expect(backup({ db: t.db, blobs: t.deps.blobs, outDir: dir })).rejects.toThrow(/not empty/)
  })
})
