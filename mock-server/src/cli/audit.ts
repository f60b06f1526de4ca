import { readFile, writeFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { AuditVerification } from '@suite/domain'
import type { Db } from '../db/db'
import { appendAudit, verifyAudit } from '../audit/log'
import { exportAudit, verifyExport } from '../audit/export'

const USAGE = `Usage: pnpm audit <command>
  verify                                              walk the stored chain from the latest checkpoint
  export --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv] --out FILE
                                                      write an export with its manifest (the export is audited)
  verify-file FILE                                    check an exported file on its own, without the database
Exit code 0 = verified / written, 1 = tampering found, 2 = usage or I/O error.
Stop the server first when it uses the embedded database (one process at a time), or set DATABASE_URL.`

/** Where the CLI reads and writes; tests pass their own. */
export interface AuditCliIo {
  /** Opens the database lazily: `verify-file` never needs it. */
  db: () => Promise<Db>
  secret: () => Promise<string>
  out: (line: string) => void
  now?: () => Date
}

function describeBreak(r: Pick<AuditVerification, 'firstBadSeq' | 'reason'>): string {
  const why = {
    hash_mismatch: 'its content was changed',
    broken_link: 'it does not link to the entry before it',
    gap: 'it is missing',
    reordered: 'it is out of order',
  }
  return `entry #${r.firstBadSeq}: ${r.reason ? why[r.reason] : 'unknown problem'} (${r.reason})`
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Run one CLI command; returns the exit code. */
export async function runAuditCli(argv: string[], io: AuditCliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, file] = positionals
  if (values.help || !command) {
    io.out(USAGE)
    return command ? 0 : 2
  }
  if (command === 'verify') {
    const r = await verifyAudit(await io.db(), await io.secret())
    const from = r.fromCheckpoint === null ? 'the first entry' : `checkpoint #${r.fromCheckpoint}`
    io.out(
      r.ok
        ? `OK: ${r.checked} entries verified from ${from}; head ${r.headHash}`
        : `TAMPERED: ${describeBreak(r)}; ${r.checked} entries verified before it, from ${from}`,
    )
    return r.ok ? 0 : 1
  }
  if (command === 'export') {
    const { from, to, format, out } = values
    if (
      !from ||
      !to ||
      !out ||
      !DATE.test(from) ||
      !DATE.test(to) ||
      (format !== 'json' && format !== 'csv') ||
      from > to
    ) {
      io.out(USAGE)
      return 2
    }
    const db = await io.db()
    const now = io.now?.() ?? new Date()
    await db.tx((q) =>
      appendAudit(
        q,
        {
          actorId: null,
          actorName: `cli:${userInfo().username}`,
          action: 'audit.export',
          targetType: 'audit',
          detail: { from, to, format, via: 'cli' },
        },
        now,
      ),
    )
    let text = ''
    for await (const chunk of exportAudit(db, from, to, format, now)) text += chunk
    await writeFile(out, text)
    const check = verifyExport(text)
    io.out(`Wrote ${check.checked} entries (${from} to ${to}, ${format}) to ${out}`)
    return 0
  }
  if (command === 'verify-file') {
    if (!file) {
      io.out(USAGE)
      return 2
    }
    const r = verifyExport(await readFile(file, 'utf8'))
    if (r.ok) io.out(`OK: ${r.checked} entries chain from the manifest's anchor; count, last hash and digest match`)
    else if (!r.manifestOk && r.firstBadSeq === null)
      io.out('TAMPERED: the manifest does not match the entries (count, last hash or digest)')
    else io.out(`TAMPERED: ${describeBreak(r)}`)
    return r.ok ? 0 : 1
  }
  io.out(USAGE)
  return 2
}

async function main(): Promise<void> {
  const { readEnv } = await import('../env')
  const { openDb } = await import('../db/db')
  const { migrate } = await import('../db/migrate')
  const { loadSecret } = await import('../secret')
  const env = readEnv()
  const dataDir = resolve(env.DATA_DIR)
  let db: Db | null = null
  const code = await runAuditCli(process.argv.slice(2), {
    db: async () => {
      db ??= await openDb({ url: env.DATABASE_URL, dataDir: join(dataDir, 'pglite') })
      await migrate(db)
      return db
    },
    secret: () => loadSecret(env.SESSION_SECRET, dataDir),
    out: (line) => process.stdout.write(`${line}\n`),
  }).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`)
    return 2
  })
  await (db as Db | null)?.close()
  process.exit(code)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main()
