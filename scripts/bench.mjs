#!/usr/bin/env node
// `pnpm bench`: every bench script, then the mini-apps' sizes and Lighthouse figures, then
// docs/BENCHMARKS.md rewritten from everything in .bench/ with the machine and the date.
//
//   pnpm bench                      everything
//   pnpm bench --only foundation,api-load   only these scripts of scripts/bench/ (sizes and Lighthouse still run)
//   pnpm bench --skip-scripts --skip-build --skip-lighthouse   any part can be left out
//   pnpm bench --skip-scripts --apps portal,case-room          Lighthouse for these apps only (the others' figures are kept)
//
// Each scripts/bench/<name>.{ts,mjs} writes .bench/<name>.json: an array of { name, value, unit, note? }.
// A script that fails is reported (in the output and in BENCHMARKS.md) without stopping the others;
// the command then exits 1. Speed figures live here, never as timed assertions in tests.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, release, platform } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtApps, kb, measureApp } from './lib/bundles.mjs'
import { pnpmCommand } from './pnpm.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const benchDir = join(root, '.bench')
const args = process.argv.slice(2)
const flag = (f) => args.includes(f)
const onlyArg = args.find((a, i) => args[i - 1] === '--only')
const only = onlyArg ? onlyArg.split(',').map((s) => s.trim()) : null
const appsArg = args.find((a, i) => args[i - 1] === '--apps')
const onlyApps = appsArg ? appsArg.split(',').map((s) => s.trim()) : null
const SCRIPT_TIMEOUT_MS = Number(process.env.BENCH_SCRIPT_TIMEOUT_MS ?? 45 * 60_000)
const LH_RUNS = Number(process.env.LH_RUNS ?? 3)
const say = (s) => process.stdout.write(`\x1b[1m▶ ${s}\x1b[0m\n`)
const failures = []
// What else the machine was doing: these machines are shared, and load skews every timing.
const runs = existsSync(join(benchDir, '_runs.json'))
  ? JSON.parse(readFileSync(join(benchDir, '_runs.json'), 'utf8'))
  : {}
const load1 = () => Math.round(loadavg()[0] * 100) / 100
mkdirSync(benchDir, { recursive: true })

/** Run a command with a time limit, streaming its output; resolves { code, tail }. */
function run(cmd, argv, { cwd = root, env = {}, timeoutMs = SCRIPT_TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    let tail = ''
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    const keep = (d) => {
      tail = (tail + d).slice(-4000)
    }
    child.stdout.on('data', (d) => {
      process.stdout.write(d)
      keep(d)
    })
    child.stderr.on('data', (d) => {
      process.stderr.write(d)
      keep(d)
    })
    const timer = setTimeout(() => {
      keep(`\n[bench] killed after ${timeoutMs} ms\n`)
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (e) => {
      keep(String(e))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code: code ?? (signal ? 128 : 1), tail })
    })
  })
}

// 1. Every bench script.
if (!flag('--skip-scripts')) {
  const scripts = existsSync(join(root, 'scripts/bench'))
    ? readdirSync(join(root, 'scripts/bench'))
        .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.d.ts'))
        .sort()
    : []
  for (const file of scripts) {
    const name = file.replace(/\.(ts|mjs)$/, '')
    if (only && !only.includes(name)) continue
    say(`bench script ${file}`)
    const started = Date.now()
    const loadBefore = load1()
    const cmd = file.endsWith('.ts') ? join(root, 'node_modules/.bin/tsx') : process.execPath
    const { code, tail } = await run(cmd, [join('scripts/bench', file)])
    runs[name] = {
      at: new Date(started).toISOString(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      load1Before: loadBefore,
      load1After: load1(),
      exit: code,
    }
    writeFileSync(join(benchDir, '_runs.json'), JSON.stringify(runs, null, 2))
    const out = join(benchDir, `${name}.json`)
    if (code !== 0) failures.push({ what: `scripts/bench/${file}`, detail: `exit ${code}`, tail })
    else if (!existsSync(out) || statSync(out).mtimeMs < started)
      failures.push({ what: `scripts/bench/${file}`, detail: `exited 0 but did not write .bench/${name}.json`, tail })
  }
}

// 2. Build every app (an app that fails to build is reported, the others still measured).
if (!flag('--skip-build')) {
  say('building the mini-apps')
  const [cmd, lead] = pnpmCommand
  const { code, tail } = await run(cmd, [...lead, '-r', '--no-bail', '--filter', './apps/*', 'build'])
  if (code !== 0) failures.push({ what: 'pnpm -r --filter ./apps/* build', detail: `exit ${code}`, tail })
}

// 3. Sizes of every built app.
const apps = existsSync(join(root, 'apps')) ? builtApps(root) : []
const bundles = apps.map((app) => measureApp(root, app))
writeFileSync(join(benchDir, 'bundles.json'), JSON.stringify(bundles, null, 2))

// 4. Lighthouse: the production builds served by the real backend.
if (!flag('--skip-lighthouse') && apps.length) {
  say(`Lighthouse (mobile, ${LH_RUNS} runs per page, median kept)`)
  try {
    const { startBackend, devSignIn, DEMO_CORP_ID } = await import('./lib/server.mjs')
    const { launchChrome, measurePage } = await import('./lib/lighthouse.mjs')
    const server = await startBackend()
    const chrome = await launchChrome()
    const previous = existsSync(join(benchDir, 'lighthouse.json'))
      ? JSON.parse(readFileSync(join(benchDir, 'lighthouse.json'), 'utf8'))
      : []
    const results = onlyApps ? previous.filter((r) => !onlyApps.includes(r.app) && apps.includes(r.app)) : []
    const lhStarted = Date.now()
    const lhLoad = load1()
    try {
      const { cookie } = await devSignIn(server.baseURL, 'u-chan')
      for (const app of apps.filter((a) => !onlyApps || onlyApps.includes(a))) {
        const url = `${server.baseURL}/apps/${app}/?corpId=${DEMO_CORP_ID}`
        for (const [page, headers] of [
          ['sign-in screen (first load, no session)', undefined],
          ['signed in (partner, session cookie)', { Cookie: cookie }],
        ]) {
          try {
            const r = await measurePage(chrome, url, { headers, runs: LH_RUNS })
            results.push({ app, page, ...r })
            process.stdout.write(
              `  ${app} / ${page}: score ${r.score} (runs ${r.scores.join(', ')}), LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms\n`,
            )
          } catch (e) {
            failures.push({ what: `Lighthouse ${app} / ${page}`, detail: e.message.split('\n')[0], tail: '' })
          }
        }
      }
    } finally {
      await chrome.kill()
      await server.stop()
    }
    results.sort((x, y) => x.app.localeCompare(y.app))
    writeFileSync(join(benchDir, 'lighthouse.json'), JSON.stringify(results, null, 2))
    runs.lighthouse = {
      at: new Date(lhStarted).toISOString(),
      seconds: Math.round((Date.now() - lhStarted) / 100) / 10,
      load1Before: lhLoad,
      load1After: load1(),
      exit: 0,
    }
    writeFileSync(join(benchDir, '_runs.json'), JSON.stringify(runs, null, 2))
  } catch (e) {
    failures.push({ what: 'Lighthouse', detail: e.message.split('\n')[0], tail: String(e.stack ?? '').slice(-2000) })
  }
}

// 5. docs/BENCHMARKS.md (sections this machine has no figures for are kept from the file as it was)
const previousReport = previousSections(
  existsSync(join(root, 'docs', 'BENCHMARKS.md')) ? readFileSync(join(root, 'docs', 'BENCHMARKS.md'), 'utf8') : '',
)
writeFileSync(join(root, 'docs', 'BENCHMARKS.md'), renderReport())
say('docs/BENCHMARKS.md rewritten')
if (failures.length) {
  process.stderr.write(
    `\n${failures.length} part(s) failed:\n${failures.map((f) => `  ✗ ${f.what}: ${f.detail}`).join('\n')}\n`,
  )
  process.exit(1)
}

function readJson(name) {
  const f = join(benchDir, `${name}.json`)
  return existsSync(f) ? { data: JSON.parse(readFileSync(f, 'utf8')), at: statSync(f).mtime } : null
}

function sh(cmd, argv) {
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

function machine() {
  const cpu = cpus()
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- OS: ${platform()} ${release()}`,
    `- Node.js ${process.version}, pnpm ${sh(pnpmCommand[0], [...pnpmCommand[1], '--version']) ?? '?'}`,
    `- Chromium: ${sh(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']) ?? 'not installed'}`,
    `- PostgreSQL server: ${sh('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', 'show server_version']) ?? 'not reachable'}`,
  ].join('\n')
}

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
}

function rowsTable(data) {
  return table(
    ['measure', 'value', 'unit', 'note'],
    data.map((r) => [
      r.name,
      typeof r.value === 'number' ? r.value.toLocaleString('en') : String(r.value),
      r.unit ?? '',
      r.note ?? '',
    ]),
  )
}

/** A date as `2026-03-02 10:30 UTC`. */
function day(d) {
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
}

/**
 * The `## ` and `### ` sections of the report as it was, by heading, so that a partial run
 * (`--only`, or a machine whose .bench/ holds only some figures) keeps what it did not measure.
 */
function previousSections(text) {
  const sections = new Map()
  let heading = null
  let lines = []
  const flush = () => {
    if (heading) sections.set(heading, lines.join('\n').trim())
  }
  for (const line of text.split('\n')) {
    const m = /^(##|###) (.+)$/.exec(line)
    if (m) {
      flush()
      heading = m[2]
      lines = []
      continue
    }
    if (heading) lines.push(line)
  }
  flush()
  return sections
}

/** A section measured earlier, marked as such, or null. */
function kept(heading) {
  const body = previousReport.get(heading)
  if (!body) return null
  return body.startsWith('_Kept from an earlier run')
    ? body
    : `_Kept from an earlier run: not measured this time._\n\n${body}`
}

function renderReport() {
  const now = new Date()
  const out = []
  out.push('# Benchmarks', '')
  out.push(
    `Written by \`pnpm bench\` (scripts/bench.mjs) on ${day(now)}. Do not edit by hand: change a bench script and run it again.`,
    '',
  )
  out.push('## Machine', '', machine(), '')
  out.push(
    'Lighthouse 12.8 runs its default mobile configuration (simulated slow 4G, 4x CPU slowdown, Moto G Power-sized screen) against the production build served by the real backend (embedded database, demo data). Sizes are the files as built: gzip level 9 and brotli quality 11, which is what the backend sends (`preCompressed`).',
    '',
  )

  // Foundation figures
  const foundation = readJson('foundation')
  const install = readJson('install')
  const portal = bundles.find((b) => b.app === 'portal')
  out.push('## Foundation (issue 2)', '')
  const frows = []
  if (install) frows.push(...install.data)
  if (portal)
    frows.push({
      name: 'portal initial JS + CSS, gzip (brotli)',
      value: Number(kb(portal.initialGz)),
      unit: 'KB',
      note: `${kb(portal.initialBr)} KB brotli; budget 150 KB gzip`,
    })
  if (foundation) frows.push(...foundation.data)
  // Sizes alone (the portal's row) are no reason to drop the sign-in and audit figures measured before.
  if (!install && !foundation && kept('Foundation (issue 2)')) out.push(kept('Foundation (issue 2)'), '')
  else
    out.push(
      frows.length ? rowsTable(frows) : '_No foundation figures yet: run `pnpm bench --only foundation,install`._',
      '',
    )
  if (install)
    out.push(
      `Install figures measured ${day(install.at)}: the cold install copies every package.json, pnpm-workspace.yaml, pnpm-lock.yaml and .npmrc into a fresh folder and runs \`pnpm install --frozen-lockfile\` with an empty store and cache (all tarballs from the registry, this machine's network); the warm one deletes node_modules and installs \`--offline\` from that store.`,
      '',
    )
  if (foundation)
    out.push(
      `Sign-in, audit and chain figures measured ${day(foundation.at)} (scripts/bench/foundation.ts): sign-ins are sequential requests to a listening backend (PGlite), the DingTalk path going through the simulator over HTTP like the real client; audit appends go through \`appendAudit\` in \`db.tx\`; the 100,000-entry chain is generated with hashes computed in Node and then verified by \`verifyAudit\` (what \`GET /api/audit/verify\` runs).`,
      '',
    )

  // Apps
  out.push('## Mini-apps', '')
  if (bundles.length) {
    out.push(
      table(
        [
          'app',
          'initial JS gzip / br',
          'initial CSS gzip / br',
          'initial total gzip',
          'lazy JS gzip / br',
          'lazy CSS gzip / br',
          'lazy chunks',
        ],
        bundles.map((b) => [
          b.app,
          `${kb(b.initialJs.gz)} / ${kb(b.initialJs.br)} KB`,
          `${kb(b.initialCss.gz)} / ${kb(b.initialCss.br)} KB`,
          `**${kb(b.initialGz)} KB**${b.initialGz > 150 * 1024 ? ' (over 150 KB budget)' : ''}`,
          `${kb(b.lazyJs.gz)} / ${kb(b.lazyJs.br)} KB`,
          `${kb(b.lazyCss.gz)} / ${kb(b.lazyCss.br)} KB`,
          String(b.lazyChunks),
        ]),
      ),
      '',
    )
    const lh = readJson('lighthouse')
    if (lh?.data.length) {
      out.push(`Lighthouse, measured ${day(lh.at)} (median of ${lh.data[0].runs} runs by score):`, '')
      out.push(
        table(
          ['app', 'page', 'performance', 'LCP', 'TBT', 'FCP', 'scores of the runs'],
          lh.data.map((r) => [
            r.app,
            r.page,
            String(r.score),
            `${(r.lcpMs / 1000).toFixed(2)} s`,
            `${Math.round(r.tbtMs)} ms`,
            `${(r.fcpMs / 1000).toFixed(2)} s`,
            r.scores.join(', '),
          ]),
        ),
        '',
      )
    } else {
      // The Lighthouse paragraph and table of the previous report, when this run measured none.
      const earlier =
        /(?:_Kept from an earlier run: Lighthouse not measured this time\._\n\n)?Lighthouse, measured[^\n]*\n\n(?:\|[^\n]*\n)+/.exec(
          `${previousReport.get('Mini-apps') ?? ''}\n`,
        )
      if (earlier)
        out.push(
          earlier[0].startsWith('_Kept')
            ? earlier[0].trimEnd()
            : `_Kept from an earlier run: Lighthouse not measured this time._\n\n${earlier[0].trimEnd()}`,
          '',
        )
    }
    out.push("What the initial JS is made of (≈ gzip KB per package, from the build's module sizes):", '')
    for (const b of bundles) {
      if (!b.composition) continue
      out.push(
        `- **${b.app}**: ${Object.entries(b.composition)
          .slice(0, 12)
          .map(([p, v]) => `${p} ${kb(v)}`)
          .join(', ')}`,
      )
    }
    out.push('')
  } else out.push(kept('Mini-apps') ?? '_No built apps._', '')

  // API load
  const load = readJson('api-load')
  if (load) {
    out.push(
      '## API load on PostgreSQL',
      '',
      `Measured ${day(load.at)} by scripts/bench/api-load.ts.`,
      '',
      rowsTable(load.data),
      '',
    )
  } else if (kept('API load on PostgreSQL'))
    out.push('## API load on PostgreSQL', '', kept('API load on PostgreSQL'), '')

  // Everything else in .bench/
  const known = new Set(['foundation', 'install', 'bundles', 'lighthouse', 'api-load'])
  const measured = readdirSync(benchDir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => f.slice(0, -5))
    .filter((n) => !known.has(n))
  const scripts = new Set(
    existsSync(join(root, 'scripts/bench'))
      ? readdirSync(join(root, 'scripts/bench')).map((f) => f.replace(/\.(ts|mjs)$/, ''))
      : [],
  )
  const earlier = [...previousReport.keys()].filter((h) => scripts.has(h) && !known.has(h))
  const others = [...new Set([...measured, ...earlier])].sort()
  if (others.length) {
    out.push('## Figures of the app issues', '')
    for (const name of others) {
      const r = readJson(name)
      if (Array.isArray(r?.data))
        out.push(`### ${name}`, '', `From scripts/bench/${name}.*, measured ${day(r.at)}.`, '', rowsTable(r.data), '')
      else if (kept(name)) out.push(`### ${name}`, '', kept(name), '')
    }
  }

  if (Object.keys(runs).length) {
    out.push(
      '## When each part ran',
      '',
      `The machine's 1-minute load average before and after each part (${cpus().length} cores): above the core count, other work was competing and timings are pessimistic.`,
      '',
    )
    out.push(
      table(
        ['part', 'started', 'took', 'load before', 'load after', 'exit'],
        Object.entries(runs)
          .sort((x, y) => x[1].at.localeCompare(y[1].at))
          .map(([k, r]) => [
            k,
            day(new Date(r.at)),
            `${r.seconds} s`,
            String(r.load1Before),
            String(r.load1After),
            String(r.exit),
          ]),
      ),
      '',
    )
  }
  if (failures.length) {
    out.push('## Failed in this run', '')
    for (const f of failures) out.push(`- **${f.what}**: ${f.detail}`)
    out.push('')
  }
  out.push(
    '## Reproduce',
    '',
    '```sh',
    'pnpm bench                      # everything (needs Chromium; PostgreSQL on 127.0.0.1:5432 for the PostgreSQL figures)',
    'pnpm bench --only foundation    # one script (sizes and Lighthouse still run unless skipped)',
    'pnpm bench --skip-lighthouse --skip-build',
    '```',
    '',
  )
  return out.join('\n')
}
