import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from './db'
import { loadMigrations, migrate, splitStatements } from './migrate'
import { openTestDb } from '../testing'

describe('migrations', () => {
  it('apply once, in order, and refuse a changed migration', async () => {
    const db = await openTestDb()
    try {
      const all = await loadMigrations()
      expect(all.map((m) => m.version)).toEqual([...all.map((m) => m.version)].sort((a, b) => a - b))
      expect(await migrate(db)).toEqual([])
      const changed = all.map((m, i) => (i === 0 ? { ...m, checksum: 'x' } : m))
      await expect(migrate(db, changed)).rejects.toThrow(/changed after it was applied/)
    } finally {
      await db.dropSchema()
    }
  })

  it('split statements at line-end semicolons', () => {
    expect(splitStatements('-- c\nCREATE TABLE a (x int);\nINSERT INTO a VALUES (1);  \n')).toEqual([
      'CREATE TABLE a (x int)',
      'INSERT INTO a VALUES (1)',
    ])
  })
})

describe('embedded database', () => {
  it('keeps everything across a restart (data directory)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pglite-'))
    const first = await openDb({ dataDir: dir })
    await migrate(first)
    await first.query("INSERT INTO orgs (id, corp_id, name) VALUES ('o1', 'c1', '律師行')")
    await first.close()
    const second = await openDb({ dataDir: dir })
    expect((await second.query<{ name: string }>('SELECT name FROM orgs')).rows).toEqual([{ name: '律師行' }])
    expect(await migrate(second)).toEqual([])
    await second.close()
  }, 60_000)

  it('rolls a failed transaction back whole', async () => {
    const db = await openTestDb()
    try {
      await expect(
        db.tx(async (q) => {
          await q.query("INSERT INTO orgs (id, corp_id, name) VALUES ('o2', 'c2', 'x')")
          await q.query("INSERT INTO orgs (id, corp_id, name) VALUES ('o3', 'c2', 'duplicate corp')")
        }),
      ).rejects.toThrow()
      expect((await db.query("SELECT 1 FROM orgs WHERE id = 'o2'")).rowCount).toBe(0)
    } finally {
      await db.dropSchema()
    }
  })
})

describe('rowCount', () => {
  it('counts the rows of a SELECT on both databases, as pg does', async () => {
    const db = await openTestDb()
    try {
      await db.query("INSERT INTO orgs (id, corp_id, name) VALUES ('r1', 'cr1', 'a'), ('r2', 'cr2', 'b')")
      expect((await db.query('SELECT 1 FROM orgs')).rowCount).toBe(2)
      expect((await db.query("UPDATE orgs SET name = 'c' WHERE id = 'r1'")).rowCount).toBe(1)
      expect((await db.query("DELETE FROM orgs WHERE id = 'nope'")).rowCount).toBe(0)
    } finally {
      await db.dropSchema()
    }
  })
})
