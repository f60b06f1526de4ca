#!/usr/bin/env node
// Install time of the workspace (issue 2 "Measure: cold install time").
// What is measured, exactly:
//   1. cold: `pnpm install --frozen-lockfile` of a copy of the workspace manifests (every
//      package.json, pnpm-workspace.yaml, pnpm-lock.yaml, .npmrc) into a fresh temporary
//      folder with an EMPTY package store and an empty metadata cache: every tarball comes
//      from the npm registry over this machine's network. Skipped with BENCH_SKIP_COLD=1.
//   2. warm: the same folder with node_modules deleted, `pnpm install --frozen-lockfile
//      --offline` from the store filled by step 1 (what a developer's second clone costs).
// Writes .bench/install.json.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { pnpmCommand } from '../pnpm.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const rows = []
const add = (name, value, unit, note) => {
  rows.push({ name, value: Math.round(value * 100) / 100, unit, ...(note ? { note } : {}) })
  process.stdout.write(`  ${name}: ${rows.at(-1).value} ${unit}${note ? ` (${note})` : ''}\n`)
}

/** Copy only what pnpm reads to install: the manifests, the lockfile and the settings. */
function copyManifests(to) {
  for (const f of ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml', '.npmrc']) {
    if (existsSync(join(root, f))) cpSync(join(root, f), join(to, f))
  }
  const dirs = [
    'mock-server',
    'e2e',
    ...['apps', 'packages'].flatMap((top) => readdirSync(join(root, top)).map((d) => `${top}/${d}`)),
  ]
  for (const d of dirs) {
    if (!existsSync(join(root, d, 'package.json'))) continue
    mkdirSync(join(to, d), { recursive: true })
    cpSync(join(root, d, 'package.json'), join(to, d, 'package.json'))
  }
}

function pnpm(args, cwd) {
  const [cmd, lead] = pnpmCommand
  return new Promise((resolve, reject) => {
    let out = ''
    const child = spawn(cmd, [...lead, ...args], {
      cwd,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pnpm ${args.join(' ')} exited ${code}:\n${out.slice(-3000)}`)),
    )
  })
}

function duBytes(dir) {
  let n = 0
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) n += statSync(p).size
    }
  }
  if (existsSync(dir)) walk(dir)
  return n
}

const work = mkdtempSync(join(tmpdir(), 'suite-install-'))
const ws = join(work, 'ws')
const store = join(work, 'store')
const cache = join(work, 'cache')
mkdirSync(ws)
copyManifests(ws)
const common = [
  'install',
  '--frozen-lockfile',
  '--store-dir',
  store,
  '--cache-dir',
  cache,
  '--config.confirmModulesPurge=false',
]
try {
  if (process.env.BENCH_SKIP_COLD === '1') {
    process.stdout.write(
      "cold install skipped (BENCH_SKIP_COLD=1); filling the store offline from this machine's store first\n",
    )
    await pnpm([...common, '--prefer-offline'], ws)
  } else {
    process.stdout.write('cold install: empty store and metadata cache, tarballs from the registry\n')
    const t = performance.now()
    await pnpm(common, ws)
    add(
      'cold install (empty store, registry downloads, pnpm install --frozen-lockfile)',
      (performance.now() - t) / 1000,
      's',
    )
    add('package store filled by the cold install', duBytes(store) / 1024 / 1024, 'MB')
  }
  for (const d of [
    'node_modules',
    ...['apps', 'packages'].flatMap((top) =>
      existsSync(join(ws, top)) ? readdirSync(join(ws, top)).map((x) => `${top}/${x}/node_modules`) : [],
    ),
    'mock-server/node_modules',
    'e2e/node_modules',
  ]) {
    rmSync(join(ws, d), { recursive: true, force: true })
  }
  process.stdout.write('warm install: node_modules deleted, --offline from the filled store\n')
  const t = performance.now()
  await pnpm([...common, '--offline'], ws)
  add(
    'warm install (filled store, pnpm install --frozen-lockfile --offline into a fresh node_modules)',
    (performance.now() - t) / 1000,
    's',
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
mkdirSync(join(root, '.bench'), { recursive: true })
writeFileSync(join(root, '.bench', 'install.json'), JSON.stringify(rows, null, 2))
