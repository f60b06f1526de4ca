import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/** Rows and count of one statement. */
export interface QueryResult<T> {
  rows: T[]
  rowCount: number
}

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>
}

/**
 * The backend's one view of PostgreSQL. The same SQL runs on the embedded PGlite
 * (default, with a data directory) and on a real server (`DATABASE_URL`).
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg'
  /** Run several statements separated by `;` (migrations). */
  exec(sql: string): Promise<void>
  /** Run `fn` in one transaction; any throw rolls everything back. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

const INT8 = 20
const NUMERIC = 1700

/** Options of {@link openDb}. */
export interface OpenDbOptions {
  /** postgres:// URL of a real server; when absent PGlite is used. */
  url?: string | undefined
  /** PGlite data directory; absent = in memory. */
  dataDir?: string | undefined
  /** Reuse an already started PGlite (tests share one per worker). */
  pglite?: PGlite | undefined
  /** Put every table in this schema (tests isolate files this way). */
  schema?: string | undefined
}

/** Open the database. */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error(`bad schema name ${opts.schema}`)
  return opts.url ? openPg(opts.url, opts.schema) : openPglite(opts)
}

/** Start a PGlite with the parsers the backend expects (int8 and numeric as numbers). */
export async function startPglite(dataDir?: string): Promise<PGlite> {
  const db = new PGlite(dataDir, { parsers: { [INT8]: Number, [NUMERIC]: Number } })
  await db.waitReady
  return db
}

async function openPglite(opts: OpenDbOptions): Promise<Db> {
  const lite = opts.pglite ?? (await startPglite(opts.dataDir))
  const owned = !opts.pglite
  const schema = opts.schema
  if (schema) await lite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
  const wrap = (t: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await t.query<T>(sql, params as unknown[])
      // PGlite reports affectedRows 0 for a SELECT; count the rows then, as pg does.
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length }
    },
  })
  // A shared PGlite (tests) serves several schemas: pin ours inside a transaction so no other
  // user of the instance can change the search path between the SET and the statement.
  const inSchema = <T>(fn: (t: Pick<PGlite, 'query' | 'exec'>) => Promise<T>) =>
    schema
      ? lite.transaction(async (t) => {
          await t.exec(`SET LOCAL search_path TO ${schema}`)
          return fn(t)
        })
      : fn(lite)
  return {
    kind: 'pglite',
    query: (sql, params) => inSchema((t) => wrap(t).query(sql, params)),
    exec: async (sql) => {
      await inSchema((t) => t.exec(sql))
    },
    tx: (fn) =>
      lite.transaction(async (t) => {
        if (schema) await t.exec(`SET LOCAL search_path TO ${schema}`)
        return fn(wrap(t))
      }),
    close: async () => {
      if (owned) await lite.close()
    },
  }
}

async function openPg(url: string, schema?: string): Promise<Db> {
  pg.types.setTypeParser(INT8, Number)
  pg.types.setTypeParser(NUMERIC, Number)
  if (schema) {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await c.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await c.query(sql, params)
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length }
    },
  })
  const base = wrap(pool)
  return {
    kind: 'pg',
    query: base.query,
    exec: async (sql) => {
      await pool.query(sql)
    },
    async tx(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn(wrap(client))
        await client.query('COMMIT')
        return out
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
