#!/usr/bin/env node
/**
 * `pnpm deadline --from YYYY-MM-DD --days N (--after|--before) [--clear]` — prints the deadline
 * and its working as JSON. Run with tsx from the repository root.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runDeadlineCli } from './cli-core'

// `pnpm deadline ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  else throw e
})

// pnpm runs scripts from the root; a relative --holidays path means the caller's directory.
const cwd = process.env.INIT_CWD ?? process.cwd()
process.exitCode = runDeadlineCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(resolve(cwd, p), 'utf8'),
})
