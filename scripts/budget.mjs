#!/usr/bin/env node
// Bundle budget: each mini-app's initial JS + CSS (what index.html loads before any lazy route)
// must stay at or under BUDGET_KB gzip. Prints every app's figures; for an app over budget it
// prints what its first bundle is made of and what grew against scripts/budget-baseline.json.
//   pnpm budget                    check (exit 1 when an app is over)
//   pnpm budget --update-baseline [app ...]  record today's composition as the baseline (after a reviewed change)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtApps, kb, measureApp } from './lib/bundles.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const BUDGET_KB = Number(process.env.BUDGET_KB ?? 150)
const baselineFile = join(root, 'scripts', 'budget-baseline.json')
const updating = process.argv.includes('--update-baseline')
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'))

const apps = builtApps(root)
if (!apps.length) {
  process.stderr.write('No built apps found: run `pnpm build` first.\n')
  process.exit(1)
}
const rows = apps.map((app) => measureApp(root, app))
const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : {}

const out = (s) => process.stdout.write(s + '\n')
out(`app               initial JS+CSS gzip  (JS / CSS)       brotli    lazy JS gzip   budget ${BUDGET_KB} KB`)
let over = false
for (const r of rows) {
  const bad = r.initialGz > BUDGET_KB * 1024
  over ||= bad
  const was = baseline[r.app]?.initialGz
  const delta = was === undefined ? '' : `  (${r.initialGz >= was ? '+' : ''}${kb(r.initialGz - was)} KB vs baseline)`
  out(
    `${bad ? '✗' : '✓'} ${r.app.padEnd(16)} ${kb(r.initialGz).padStart(8)} KB  (${kb(r.initialJs.gz)} / ${kb(r.initialCss.gz)})  ${kb(r.initialBr).padStart(7)} KB  ${kb(r.lazyJs.gz).padStart(10)} KB${delta}`,
  )
  if (bad) explain(r, baseline[r.app])
}

/** Say what the first bundle of an over-budget app is made of, and what grew since the baseline. */
function explain(r, base) {
  out(`    over budget by ${kb(r.initialGz - BUDGET_KB * 1024)} KB`)
  out(
    `    initial files: ${r.initialFiles
      .slice(0, 5)
      .map((f) => `${f.file} ${kb(f.gz)} KB`)
      .join(', ')}`,
  )
  if (!r.composition) {
    out('    (no bundle stats: rebuild the app with the shared vite config to see what the bundle is made of)')
    return
  }
  const top = Object.entries(r.composition).slice(0, 8)
  out(`    largest packages in the initial JS (≈ gzip): ${top.map(([p, b]) => `${p} ${kb(b)}`).join(', ')}`)
  if (!base?.composition) {
    out('    no baseline for this app in scripts/budget-baseline.json: nothing to compare against')
    return
  }
  const grew = Object.entries(r.composition)
    .map(([p, b]) => [p, b - (base.composition[p] ?? 0), base.composition[p] === undefined])
    .filter(([, d]) => d >= 256)
    .sort((a, b) => b[1] - a[1])
  out(
    grew.length
      ? `    grew since the baseline: ${grew.map(([p, d, isNew]) => `${p} +${kb(d)} KB${isNew ? ' (new in the first bundle)' : ''}`).join(', ')}`
      : '    no package grew by 0.25 KB or more since the baseline; the baseline itself is over budget',
  )
}

mkdirSync(join(root, '.bench'), { recursive: true })
writeFileSync(join(root, '.bench', 'bundles.json'), JSON.stringify(rows, null, 2))
if (updating) {
  const next = { ...baseline }
  const chosen = rows.filter((r) => !only.length || only.includes(r.app))
  for (const r of chosen) next[r.app] = { initialGz: r.initialGz, composition: r.composition }
  writeFileSync(baselineFile, JSON.stringify(next, null, 2) + '\n')
  out(`baseline written to scripts/budget-baseline.json (${chosen.map((r) => r.app).join(', ')})`)
}
process.exit(over && !updating ? 1 : 0)
