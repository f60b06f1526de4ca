import pg from 'pg'

/** Default PostgreSQL server of the development machines (README: 127.0.0.1:5432). */
export const BENCH_PG_SERVER = process.env.BENCH_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432'

/** True when a PostgreSQL server answers at `server` (a URL without database). */
export async function pgAvailable(server = BENCH_PG_SERVER): Promise<boolean> {
  const c = new pg.Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    await c.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await c.end().catch(() => undefined)
  }
}

/**
 * Create database `name` on `server` when it does not exist (dropping it first when `fresh`),
 * and return its URL.
 */
export async function ensureDatabase(name: string, { fresh = false, server = BENCH_PG_SERVER } = {}): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`)
  const c = new pg.Client({ connectionString: `${server}/postgres` })
  await c.connect()
  try {
    if (fresh) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await c.query(`CREATE DATABASE ${name}`)
  } finally {
    await c.end()
  }
  return `${server}/${name}`
}
