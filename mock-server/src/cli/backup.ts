import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { resolve, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Db } from '../db/db'

const USAGE = `Usage:
  pnpm backup --out DIR               export the database (every table) and the stored files, with a SHA-256 manifest
  pnpm restore --from DIR [--force]   verify DIR against its manifest, then load it into the configured database
The database is the one the server uses (DATABASE_URL, else the embedded one in DATA_DIR); stop a server
that uses the embedded database first (one process at a time). Files go to / come from DATA_DIR/blobs.
Restore refuses a database that already holds data unless --force (which replaces everything).
Exit code 0 = done, 1 = the backup does not verify or does not fit this database, 2 = usage or I/O error.`

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2)
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      out: { type: 'string' },
      from: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (
    values.help ||
    (command !== 'backup' && command !== 'restore') ||
    (command === 'backup' && !values.out) ||
    (command === 'restore' && !values.from)
  ) {
    process.stdout.write(`${USAGE}\n`)
    return values.help ? 0 : 2
  }
  const { readEnv } = await import('../env')
  const { openDb } = await import('../db/db')
  const { migrate } = await import('../db/migrate')
  const { loadSecret } = await import('../secret')
  const { createLocalBlobStore } = await import('../storage/blob-store')
  const { backup, restore, folderBytes, BackupInvalidError } = await import('../backup/backup')
  const env = readEnv()
  const dataDir = resolve(env.DATA_DIR)
  const say = (line: string) => process.stdout.write(`${line}\n`)
  if (command === 'restore' && !env.SESSION_SECRET && !existsSync(join(dataDir, 'session-secret'))) {
    process.stderr.write(
      [
        'This installation has no secret yet. A restore needs the secret of the installation the backup came from:',
        'it signs the manifest, the audit checkpoints and the session cookies. Set SESSION_SECRET to it, or in',
        `development copy <old DATA_DIR>/session-secret to ${join(dataDir, 'session-secret')}.`,
      ].join('\n') + '\n',
    )
    return 1
  }
  await mkdir(dataDir, { recursive: true })
  let db: Db | null = null
  try {
    db = await openDb({ url: env.DATABASE_URL, dataDir: join(dataDir, 'pglite') })
    await migrate(db)
    const blobs = createLocalBlobStore(join(dataDir, 'blobs'))
    const hmacKey = await loadSecret(env.SESSION_SECRET, dataDir)
    if (command === 'backup') {
      const out = resolve(values.out!)
      say(
        `Backing up the ${db.kind === 'pg' ? 'PostgreSQL' : 'embedded'} database and ${join(dataDir, 'blobs')} to ${out}`,
      )
      const m = await backup({ db, blobs, outDir: out, hmacKey, log: say })
      say(
        `Done: ${m.tables.reduce((n, t) => n + t.rows, 0)} rows in ${m.tables.length} tables, ${m.files.length} files, ${((await folderBytes(out)) / 1024 / 1024).toFixed(1)} MB; audit chain ${m.audit.verified ? 'verified' : 'NOT verified'} at #${m.audit.headSeq}.`,
      )
      say(
        `The manifest is signed with this installation's secret; keep a copy of ${join(out, 'manifest.json')} apart from the backup.`,
      )
      return 0
    }
    const from = resolve(values.from!)
    try {
      const { manifest, audit } = await restore({ db, blobs, fromDir: from, hmacKey, force: values.force, log: say })
      say(
        `Restored ${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows and ${manifest.files.length} files from ${manifest.createdAt}.`,
      )
      if (audit)
        say(
          audit.ok
            ? `Audit chain verified: ${audit.checked} entries.`
            : `Audit chain does NOT verify: first bad entry #${audit.firstBadSeq} (${audit.reason}).`,
        )
      return audit && !audit.ok ? 1 : 0
    } catch (e) {
      if (
        e instanceof BackupInvalidError ||
        /migrations|already holds data|tables this database lacks/.test((e as Error).message)
      ) {
        process.stderr.write(`${(e as Error).message}\n`)
        return 1
      }
      throw e
    }
  } finally {
    await db?.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`)
      process.exit(2)
    },
  )
}
