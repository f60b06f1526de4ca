import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { LabelPolicy, SENSITIVE_TYPES, type SensitiveType } from '@suite/domain'
import { DEFAULT_LABEL_POLICY } from '../policy/default-policy'
import { classifyFile, walkPaths, type FileClassification } from './index'

/**
 * `pnpm classify [--json] [--details] [--policy FILE] PATH...`
 *
 * Classifies files and folders (recursively): .txt .md .csv .json (DingTalk chat export)
 * .docx .xlsx .pdf. With --json, one JSON line per file on stdout; otherwise a table.
 * Failures go to stderr and the exit code is 1 when any file failed (2 for bad usage).
 */
const USAGE = 'usage: pnpm classify [--json] [--details] [--policy policy.json] PATH...'

const out = (s: string): void => {
  process.stdout.write(`${s}\n`)
}
const err = (s: string): void => {
  process.stderr.write(`${s}\n`)
}

const SHORT: Record<SensitiveType, string> = {
  hk_id: 'HKID',
  mo_id: 'MO-ID',
  cn_id: 'CN-ID',
  credit_card: 'CARD',
  phone: 'PHONE',
  email: 'EMAIL',
  keyword: 'KEYWORD',
}

function table(rows: FileClassification[]): string[] {
  const head = ['FILE', 'LABEL', ...SENSITIVE_TYPES.map((t) => SHORT[t])]
  const body = rows.map((r) => [
    r.path,
    r.label,
    ...SENSITIVE_TYPES.map((t) => String(r.findings.filter((f) => f.type === t).length)),
  ])
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]!].length)))
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(width[i]!) : c.padStart(width[i]!)))
      .join('  ')
      .trimEnd()
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...body.map(line)]
}

async function main(argv: string[]): Promise<number> {
  let json = false
  let details = false
  let policyFile: string | null = null
  const paths: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--json') json = true
    else if (a === '--details') details = true
    else if (a === '--policy') policyFile = argv[++i] ?? null
    else if (a === '-h' || a === '--help') {
      out(USAGE)
      return 0
    } else if (a === '--') {
      paths.push(...argv.slice(i + 1))
      break
    } else if (a.startsWith('-')) {
      err(`classify: unknown option ${a}\n${USAGE}`)
      return 2
    } else paths.push(a)
  }
  if (paths.length === 0) {
    err(USAGE)
    return 2
  }

  // `pnpm classify` runs in the repository root: read paths relative to where it was typed.
  const base = process.env.INIT_CWD ?? process.cwd()

  let policy = DEFAULT_LABEL_POLICY
  if (policyFile) {
    try {
      policy = LabelPolicy.parse(JSON.parse(await readFile(resolve(base, policyFile), 'utf8')))
    } catch (e) {
      err(`classify: cannot use policy ${policyFile}: ${(e as Error).message}`)
      return 2
    }
  }

  let failed = 0
  const rows: FileClassification[] = []
  for (const given of paths) {
    const abs = resolve(base, given)
    const shown = (p: string): string => (isAbsolute(given) ? p : relative(base, p) || p)
    try {
      await stat(abs)
    } catch {
      err(`classify: ${given}: no such file or folder`)
      failed++
      continue
    }
    for await (const entry of walkPaths([abs])) {
      const name = shown(entry.path)
      if (entry.skipped) {
        err(`classify: ${name}: skipped (unsupported file type)`)
        continue
      }
      try {
        const { path: _p, kind: _k, text: _t, ...result } = await classifyFile(entry.path, policy)
        const row = { path: name, ...result }
        if (json) out(JSON.stringify(row))
        else rows.push(row)
      } catch (e) {
        failed++
        err(`classify: ${name}: ${(e as Error).message}`)
      }
    }
  }
  if (!json) {
    for (const l of table(rows)) out(l)
    if (details) {
      for (const r of rows) {
        if (r.findings.length === 0) continue
        out(`\n${r.path}`)
        for (const f of r.findings)
          out(
            `  ${SHORT[f.type].padEnd(8)} ${String(f.start).padStart(7)}-${String(f.end).padEnd(7)} ${f.confidence.toFixed(2)}  ${f.masked}${f.category ? ` (${f.category})` : ''}`,
          )
      }
    }
    out(`\n${rows.length} file(s) classified${failed ? `, ${failed} failed` : ''}`)
  }
  return failed ? 1 : 0
}

// Libraries (pdf.js) log warnings with console.log: keep stdout for results only.
console.log = (...args: unknown[]) => {
  process.stderr.write(`${args.map(String).join(' ')}\n`)
}
console.warn = console.log
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    err(`classify: ${(e as Error).stack ?? String(e)}`)
    process.exitCode = 1
  },
)
