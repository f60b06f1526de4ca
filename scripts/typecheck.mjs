#!/usr/bin/env node
// Type-check every workspace package that has a tsconfig.json (vue-tsc understands .vue files too).
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { spawn } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const dirs = [
  ...['packages', 'apps'].flatMap((top) => readdirSync(join(root, top)).map((d) => join(top, d))),
  'mock-server',
  'e2e',
].filter((d) => existsSync(join(root, d, 'tsconfig.json')))

function check(dir) {
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/vue-tsc'), ['--noEmit', '-p', join(dir, 'tsconfig.json')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) => resolve({ dir, ok: code === 0, out }))
  })
}

const results = []
const queue = [...dirs]
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length) results.push(await check(queue.shift()))
  }),
)
for (const r of results.sort((a, b) => a.dir.localeCompare(b.dir))) {
  process.stdout.write(`${r.ok ? '✓' : '✗'} ${r.dir}\n`)
  if (!r.ok) process.stdout.write(r.out)
}
process.exit(results.every((r) => r.ok) ? 0 : 1)
