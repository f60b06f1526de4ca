// Find a pnpm 10 to run: the one on PATH when it is 10.x, else `npx -y pnpm@<pinned>`.
// The quick start needs nothing but Node and npm on a fresh machine.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager.split(
  '@',
)[1]

function onPath() {
  try {
    const v = execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return v.startsWith('10.') ? ['pnpm', []] : null
  } catch {
    return null
  }
}

/** The command and leading arguments that run pnpm. */
export const pnpmCommand = onPath() ?? ['npx', ['-y', `pnpm@${pinned}`]]

/** Run pnpm with `args`, streaming output; resolves on exit 0, rejects otherwise. */
export function pnpm(args, opts = {}) {
  const [cmd, lead] = pnpmCommand
  return run(cmd, [...lead, ...args], opts)
}

/** Run a command, streaming output. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`)),
    )
  })
}
