import { createHash, createHmac } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { createInterface } from 'node:readline'
import { canonicalJson } from '../audit/chain'
import { verifyAudit } from '../audit/log'
import type { Db, Queryable } from '../db/db'
import { loadMigrations } from '../db/migrate'
import type { BlobStore } from '../storage/blob-store'

/** Format tag of the manifest; restore refuses any other. */
export const BACKUP_FORMAT = 'suite-backup/1'

/** One exported table: `db/<name>.jsonl`, one `row_to_json` object per line. */
export interface TableEntry {
  name: string
  file: string
  rows: number
  bytes: number
  sha256: string
  columns: string[]
}
/** One stored file: `files/<sha256>`, its name being the SHA-256 of its bytes. */
export interface FileEntry {
  path: string
  sha256: string
  bytes: number
  mime: string
}

/** `manifest.json`: what the backup holds and the SHA-256 of every file in it. */
export interface Manifest {
  format: typeof BACKUP_FORMAT
  createdAt: string
  source: { database: 'pglite' | 'pg' }
  /** Applied migrations of the source; restore needs exactly these. */
  migrations: { version: number; checksum: string }[]
  tables: TableEntry[]
  files: FileEntry[]
  audit: { headSeq: number; headHash: string; verified: boolean }
  /** HMAC-SHA256 (the server's secret) of the manifest without this field, when a key was given. */
  hmac?: string
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table or column name ${JSON.stringify(name)}`)
  return `"${name}"`
}

/** Base tables of the current schema. */
async function tablesOf(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  return rows.map((r) => r.table_name)
}

/** Columns of a table with their SQL types, primary key flags, and whether they can be inserted. */
async function columnsOf(q: Queryable, table: string) {
  const { rows } = await q.query<{
    name: string
    type: string
    pk: number | null
    generated: string
    identity: string
  }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            array_position(i.indkey::int2[], a.attnum) AS pk, a.attgenerated::text AS generated, a.attidentity::text AS identity
     FROM pg_attribute a
     LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [table],
  )
  return rows.map((r) => ({ ...r, pk: r.pk }))
}

/** Tables in an order where every foreign key points at a table that comes earlier. */
async function insertOrder(q: Queryable, tables: string[]): Promise<string[]> {
  const { rows } = await q.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  )
  const strip = (s: string) => s.replace(/^.*\./, '').replace(/"/g, '')
  const deps = new Map(tables.map((t) => [t, new Set<string>()]))
  for (const r of rows) if (strip(r.child) !== strip(r.parent)) deps.get(strip(r.child))?.add(strip(r.parent))
  const out: string[] = []
  const seen = new Set<string>()
  const visit = (t: string, path: string[]) => {
    if (seen.has(t)) return
    if (path.includes(t)) throw new Error(`foreign keys form a cycle: ${[...path, t].join(' -> ')}`)
    for (const p of deps.get(t) ?? []) if (deps.has(p)) visit(p, [...path, t])
    seen.add(t)
    out.push(t)
  }
  for (const t of tables) visit(t, [])
  return out
}

/** Streams a file's SHA-256 and size. */
async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const h = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { sha256: h.digest('hex'), bytes }
}

function sign(manifest: Omit<Manifest, 'hmac'>, key: string): string {
  return createHmac('sha256', key).update(canonicalJson(manifest)).digest('hex')
}

/** Options of {@link backup}. */
export interface BackupOptions {
  db: Db
  blobs: BlobStore
  /** Empty or missing folder to write into. */
  outDir: string
  /** Signs the manifest (HMAC); restore checks it when given the same key. */
  hmacKey?: string
  batch?: number
  log?: (line: string) => void
}

/**
 * Export the whole database (every table of the schema, as JSON lines from PostgreSQL's own
 * `row_to_json`, so types round-trip exactly on PGlite and on PostgreSQL) and every stored
 * file (through the BlobStore interface, so it works for any store), with a manifest of
 * SHA-256 hashes. Tables are read in keyset order with a consistent snapshot per table.
 */
export async function backup(o: BackupOptions): Promise<Manifest> {
  const log = o.log ?? (() => undefined)
  const batch = o.batch ?? 5000
  await mkdir(o.outDir, { recursive: true })
  if ((await readdir(o.outDir)).length) throw new Error(`${o.outDir} is not empty: back up into a new folder`)
  await mkdir(join(o.outDir, 'db'))
  const tables: TableEntry[] = []
  for (const name of await tablesOf(o.db)) {
    const cols = await columnsOf(o.db, name)
    const keys = cols.filter((c) => c.pk !== null).sort((a, b) => a.pk! - b.pk!)
    const file = `db/${name}.jsonl`
    const out = createWriteStream(join(o.outDir, file))
    let rows = 0
    let after: unknown[] | null = null
    for (;;) {
      const params: unknown[] = []
      let where = ''
      if (keys.length && after) {
        params.push(...after)
        where = `WHERE (${keys.map((k) => `t.${ident(k.name)}`).join(', ')}) > (${keys.map((k, i) => `$${i + 1}::${k.type}`).join(', ')})`
      }
      const order = keys.length ? `ORDER BY ${keys.map((k) => `t.${ident(k.name)}`).join(', ')}` : ''
      const paging = keys.length ? `LIMIT ${batch}` : `LIMIT ${batch} OFFSET ${rows}`
      const keySel = keys.length
        ? `, json_build_array(${keys.map((k) => `t.${ident(k.name)}`).join(', ')})::text AS k`
        : ''
      const { rows: got } = await o.db.query<{ j: string; k?: string }>(
        `SELECT row_to_json(t)::text AS j${keySel} FROM ${ident(name)} t ${where} ${order} ${paging}`,
        params,
      )
      for (const r of got) if (!out.write(`${r.j}\n`)) await new Promise<void>((res) => out.once('drain', () => res()))
      rows += got.length
      if (got.length < batch) break
      after = keys.length ? (JSON.parse(got[got.length - 1]!.k!) as unknown[]) : null
    }
    await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())))
    const { sha256, bytes } = await hashFile(join(o.outDir, file))
    tables.push({ name, file, rows, bytes, sha256, columns: cols.filter((c) => !c.generated).map((c) => c.name) })
    log(`  ${name}: ${rows} rows`)
  }

  const files: FileEntry[] = []
  const blobs = (await o.db.query<{ sha256: string; mime: string }>('SELECT sha256, mime FROM blobs ORDER BY sha256'))
    .rows
  const missing: string[] = []
  for (const b of blobs) {
    const input = await o.blobs.get(b.sha256)
    if (!input) {
      missing.push(b.sha256)
      continue
    }
    const path = `files/${b.sha256.slice(0, 2)}/${b.sha256}`
    await mkdir(dirname(join(o.outDir, path)), { recursive: true })
    const h = createHash('sha256')
    let bytes = 0
    const out = createWriteStream(join(o.outDir, path))
    for await (const chunk of input) {
      h.update(chunk as Buffer)
      bytes += (chunk as Buffer).length
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()))
    }
    await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())))
    const sha256 = h.digest('hex')
    if (sha256 !== b.sha256)
      throw new Error(`stored file ${b.sha256} has changed on disk (its content hashes to ${sha256})`)
    files.push({ path, sha256, bytes, mime: b.mime })
  }
  if (missing.length)
    throw new Error(
      `${missing.length} stored file(s) listed in the database are missing from the store, e.g. ${missing[0]}`,
    )
  log(`  files: ${files.length}`)

  const migrations = (
    await o.db.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    )
  ).rows
  const head = (await o.db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1'))
    .rows[0] ?? { seq: 0, hash: '' }
  const verified = o.hmacKey ? (await verifyAudit(o.db, o.hmacKey)).ok : false
  const body: Omit<Manifest, 'hmac'> = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    source: { database: o.db.kind },
    migrations,
    tables,
    files,
    audit: { headSeq: head.seq, headHash: head.hash, verified },
  }
  const manifest: Manifest = o.hmacKey ? { ...body, hmac: sign(body, o.hmacKey) } : body
  await writeFile(join(o.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2))
  return manifest
}

/** A problem found while checking a backup before restoring it. */
export class BackupInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`the backup does not verify; nothing was written:\n  ${problems.join('\n  ')}`)
    this.name = 'BackupInvalidError'
  }
}

/**
 * Check a backup folder against its manifest: format, HMAC (when a key is given), every
 * listed file's size and SHA-256, no unlisted files. Reads everything, writes nothing.
 */
export async function verifyBackup(dir: string, hmacKey?: string): Promise<Manifest> {
  const problems: string[] = []
  let manifest: Manifest
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest
  } catch (e) {
    throw new BackupInvalidError([`manifest.json cannot be read: ${(e as Error).message}`])
  }
  if (manifest.format !== BACKUP_FORMAT)
    throw new BackupInvalidError([`unknown backup format ${JSON.stringify(manifest.format)}`])
  if (hmacKey) {
    const { hmac, ...body } = manifest
    if (!hmac) problems.push('the manifest is not signed, but a key was given')
    else if (sign(body, hmacKey) !== hmac)
      problems.push('the manifest signature does not match: it was changed or made with another key')
  }
  const listed = new Set<string>(['manifest.json'])
  for (const f of [
    ...manifest.tables.map((t) => ({ path: t.file, sha256: t.sha256, bytes: t.bytes })),
    ...manifest.files,
  ]) {
    listed.add(f.path)
    try {
      const got = await hashFile(join(dir, f.path))
      if (got.bytes !== f.bytes || got.sha256 !== f.sha256)
        problems.push(
          `${f.path}: SHA-256 ${got.sha256.slice(0, 12)}… (${got.bytes} bytes), manifest says ${f.sha256.slice(0, 12)}… (${f.bytes} bytes)`,
        )
    } catch {
      problems.push(`${f.path}: missing`)
    }
  }
  for (const f of manifest.files) if (!f.path.endsWith(f.sha256)) problems.push(`${f.path}: name is not its SHA-256`)
  const walk = async (d: string): Promise<string[]> =>
    (
      await Promise.all(
        (await readdir(d, { withFileTypes: true })).map(async (e) =>
          e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))],
        ),
      )
    ).flat()
  for (const f of await walk(dir)) if (!listed.has(f.split('\\').join('/'))) problems.push(`${f}: not in the manifest`)
  if (problems.length) throw new BackupInvalidError(problems)
  return manifest
}

/** Options of {@link restore}. */
export interface RestoreOptions {
  /** A migrated database (run `migrate` first). */
  db: Db
  blobs: BlobStore
  fromDir: string
  hmacKey?: string
  /** Replace the data of a database that is not empty (default: refuse). */
  force?: boolean
  batch?: number
  log?: (line: string) => void
}

/**
 * Restore a backup: verify the whole folder against the manifest first (nothing is written if
 * anything is off), check the target has exactly the backup's migrations, copy the files into
 * the store (each re-hashed on the way in), then load every table in foreign-key order in one
 * transaction, move sequences past the restored ids, and verify the audit chain.
 */
export async function restore(
  o: RestoreOptions,
): Promise<{ manifest: Manifest; audit: Awaited<ReturnType<typeof verifyAudit>> | null }> {
  const log = o.log ?? (() => undefined)
  const batch = o.batch ?? 1000
  const manifest = await verifyBackup(o.fromDir, o.hmacKey)
  log(`verified ${manifest.tables.length} tables and ${manifest.files.length} files against the manifest`)

  const target = (
    await o.db.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    )
  ).rows
  const key = (m: { version: number; checksum: string }[]) => m.map((x) => `${x.version}:${x.checksum}`).join(',')
  if (key(target) !== key(manifest.migrations)) {
    const code = await loadMigrations()
    const name = (v: number) => code.find((m) => m.version === v)?.name ?? '?'
    const diff = [...new Set([...target, ...manifest.migrations].map((m) => m.version))].filter(
      (v) =>
        target.find((m) => m.version === v)?.checksum !== manifest.migrations.find((m) => m.version === v)?.checksum,
    )
    throw new Error(
      `the backup was made with other migrations than this database has (differ: ${diff.map((v) => `${v}_${name(v)}`).join(', ')}); restore with the same version of the suite`,
    )
  }
  const tablesHere = await tablesOf(o.db)
  const unknown = manifest.tables.filter((t) => !tablesHere.includes(t.name)).map((t) => t.name)
  if (unknown.length) throw new Error(`the backup has tables this database lacks: ${unknown.join(', ')}`)
  const nonEmpty = (await o.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orgs')).rows[0]!.n > 0
  if (nonEmpty && !o.force)
    throw new Error(
      'the target database already holds data: restore into an empty one, or pass --force to replace everything',
    )

  for (const f of manifest.files) {
    const stored = await o.blobs.put(createReadStream(join(o.fromDir, f.path)), Number.MAX_SAFE_INTEGER)
    if (stored.sha256 !== f.sha256) throw new Error(`${f.path} changed while restoring`)
  }
  log(`files: ${manifest.files.length} in the store`)

  const order = await insertOrder(
    o.db,
    manifest.tables.map((t) => t.name).filter((n) => n !== 'schema_migrations'),
  )
  await o.db.tx(async (q) => {
    await q.query(`TRUNCATE ${order.map(ident).join(', ')} CASCADE`)
    for (const name of order) {
      const t = manifest.tables.find((x) => x.name === name)!
      const cols = t.columns.map(ident).join(', ')
      const identity = (await columnsOf(q, name)).some((c) => c.identity === 'a')
      let chunk: string[] = []
      const flush = async () => {
        if (!chunk.length) return
        await q.query(
          `INSERT INTO ${ident(name)} (${cols}) ${identity ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${cols} FROM json_populate_recordset(NULL::${ident(name)}, $1::json)`,
          [`[${chunk.join(',')}]`],
        )
        chunk = []
      }
      const lines = createInterface({ input: createReadStream(join(o.fromDir, t.file)), crlfDelay: Infinity })
      for await (const line of lines) {
        if (!line) continue
        chunk.push(line)
        if (chunk.length >= batch) await flush()
      }
      await flush()
      // Serial / identity columns continue after the restored ids.
      for (const c of await q
        .query<{ col: string; seq: string }>(
          `SELECT a.attname AS col, pg_get_serial_sequence($1, a.attname) AS seq FROM pg_attribute a
         WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND pg_get_serial_sequence($1, a.attname) IS NOT NULL`,
          [name],
        )
        .then((r) => r.rows)) {
        await q.query(`SELECT setval($1, COALESCE((SELECT max(${ident(c.col)}) FROM ${ident(name)}), 0) + 1, false)`, [
          c.seq,
        ])
      }
      log(`  ${name}: ${t.rows} rows`)
    }
  })
  const audit = o.hmacKey ? await verifyAudit(o.db, o.hmacKey) : null
  return { manifest, audit }
}

/** Total size of a backup folder's files, for the CLI's summary. */
export async function folderBytes(dir: string): Promise<number> {
  let n = 0
  for (const e of await readdir(dir, { withFileTypes: true })) {
    n += e.isDirectory() ? await folderBytes(join(dir, e.name)) : (await stat(join(dir, e.name))).size
  }
  return n
}
