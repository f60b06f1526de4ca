#!/usr/bin/env node
// Bundle budget: each mini-app's initial JS + CSS (what index.html loads before any lazy route)
// must stay at or under BUDGET_KB gzip. Prints every app's figures; exits 1 naming what grew.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync, brotliCompressSync } from 'node:zlib'

const root = new URL('..', import.meta.url).pathname
const BUDGET_KB = Number(process.env.BUDGET_KB ?? 150)

/** Files index.html loads up front: module scripts, modulepreloads and stylesheets. */
export function initialAssets(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  return [...new Set(refs)].map((r) => join(dist, r.replace(/^.*?\/assets\//, 'assets/')))
}

function sizes(files) {
  let raw = 0, gz = 0, br = 0
  for (const f of files) {
    const b = readFileSync(f)
    raw += b.length
    gz += gzipSync(b, { level: 9 }).length
    br += brotliCompressSync(b).length
  }
  return { raw, gz, br }
}

const apps = readdirSync(join(root, 'apps')).filter((a) => existsSync(join(root, 'apps', a, 'dist', 'index.html')))
if (!apps.length) {
  process.stderr.write('No built apps found: run `pnpm build` first.\n')
  process.exit(1)
}
const rows = []
for (const app of apps) {
  const dist = join(root, 'apps', app, 'dist')
  const initial = initialAssets(dist)
  const all = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => join(dist, 'assets', f))
  const lazy = all.filter((f) => !initial.includes(f))
  const split = (files, ext) => sizes(files.filter((f) => f.endsWith(ext)))
  rows.push({
    app,
    initialJs: split(initial, '.js'), initialCss: split(initial, '.css'),
    lazyJs: split(lazy, '.js'), lazyCss: split(lazy, '.css'),
    initialGzipKb: sizes(initial).gz / 1024,
    biggest: initial.map((f) => ({ file: f.split('/assets/')[1], gz: gzipSync(readFileSync(f), { level: 9 }).length })).sort((a, b) => b.gz - a.gz).slice(0, 3),
  })
}
const kb = (n) => (n / 1024).toFixed(1)
process.stdout.write(`app               initial JS+CSS gzip   (JS / CSS)          lazy JS gzip   budget ${BUDGET_KB} KB\n`)
let over = false
for (const r of rows) {
  const bad = r.initialGzipKb > BUDGET_KB
  over ||= bad
  process.stdout.write(`${bad ? '✗' : '✓'} ${r.app.padEnd(16)} ${kb(r.initialJs.gz + r.initialCss.gz).padStart(8)} KB   (${kb(r.initialJs.gz)} / ${kb(r.initialCss.gz)})   ${kb(r.lazyJs.gz).padStart(10)} KB\n`)
  if (bad) process.stdout.write(`    over budget by ${(r.initialGzipKb - BUDGET_KB).toFixed(1)} KB; largest initial files: ${r.biggest.map((b) => `${b.file} ${kb(b.gz)} KB`).join(', ')}\n`)
}
mkdirSync(join(root, '.bench'), { recursive: true })
writeFileSync(join(root, '.bench', 'bundles.json'), JSON.stringify(rows, null, 2))
process.exit(over ? 1 : 0)
