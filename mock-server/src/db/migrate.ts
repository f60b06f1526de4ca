import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Db } from './db'

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** The advisory lock that serialises migrations of one schema across instances. */
const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('suite-migrate:' || current_schema()))"

/** A migration file `NNN_name.sql`. */
export interface Migration {
  version: number
  name: string
  sql: string
  checksum: string
}

/** Read the versioned migrations, in order. */
export async function loadMigrations(dir = DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort()
  return Promise.all(
    files.map(async (f) => {
      const sql = await readFile(dir + f, 'utf8')
      return {
        version: Number(f.slice(0, 3)),
        name: f.slice(4, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      }
    }),
  )
}

/**
 * Apply every migration not yet applied, each in its own transaction. A changed file that was
 * already applied is refused: migrations are append-only.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations())
  // Several instances may start at once on one database: each step takes the same transaction-
  // scoped advisory lock, so they migrate one after the other and the later ones find it done.
  await db.tx(async (q) => {
    await q.query(LOCK_SQL)
    await q.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  })
  const { rows } = await db.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations',
  )
  const done = new Map(rows.map((r) => [r.version, r.checksum]))
  const applied: number[] = []
  for (const m of all) {
    const seen = done.get(m.version)
    if (seen) {
      if (seen !== m.checksum) throw new Error(`migration ${m.version}_${m.name} changed after it was applied`)
      continue
    }
    const ran = await db.tx(async (q) => {
      await q.query(LOCK_SQL)
      const already = (
        await q.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [m.version])
      ).rows[0]
      if (already) {
        if (already.checksum !== m.checksum)
          throw new Error(`migration ${m.version}_${m.name} changed after it was applied`)
        return false // another instance applied it while we waited for the lock
      }
      for (const stmt of splitStatements(m.sql)) await q.query(stmt)
      await q.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ])
      return true
    })
    if (ran) applied.push(m.version)
  }
  return applied
}

/** Split a migration into statements on `;` at line ends (our migrations keep to that rule; no `$$` bodies). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0)
}
