// Case room figures (issue 3 "Bench"): listing a case with 10,000 documents under concurrent load
// (server p50 / p99 with autocannon against a listening backend), on the embedded database and
// on PostgreSQL when one is reachable; render time of that case's document list in the built app
// (headless Chromium, phone and PC); and time to the first watermarked page of a 50-page PDF.
// Writes .bench/case-room.json rows { name, value, unit, note? }. Not part of the test suite.
//
//   pnpm exec tsx scripts/bench/case-room.ts                     everything (rewrites the file)
//   pnpm exec tsx scripts/bench/case-room.ts --only app-render   only the in-app render time; its rows
//                                                                replace rows of the same name in the file
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { chromium, type BrowserContextOptions } from 'playwright-core'
import { ensureDatabase, isEmpty, migrate, openDb, pgAvailable, seedDemo, type Db } from '@suite/mock-server/bench'
import { DEMO_CORP_ID, devSignIn, percentile, root, startBackend } from '../lib/server.mjs'

interface Row {
  name: string
  value: number
  unit: string
  note?: string
}
const rows: Row[] = []
const add = (name: string, value: number, unit: string, note?: string) => {
  rows.push({ name, value: Math.round(value * 100) / 100, unit, ...(note ? { note } : {}) })
  process.stdout.write(`  ${name}: ${rows[rows.length - 1]!.value} ${unit}\n`)
}

const CASE = 'case-hca-1234'
const N_DOCS = Number(process.env.BENCH_CASE_DOCS ?? 10_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10)
const PDF_PAGES = 50
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 7)
const onlyArg = process.argv[process.argv.indexOf('--only') + 1]
const only = process.argv.includes('--only') ? onlyArg : null

/** Seed the demo firm and put N_DOCS documents into one case's restricted tier, straight in SQL. */
async function fill(db: Db): Promise<void> {
  await migrate(db)
  if (await isEmpty(db)) await seedDemo(db)
  await db.query(
    `INSERT INTO blobs (sha256, size, mime) VALUES ($1, 48213, 'application/pdf') ON CONFLICT DO NOTHING`,
    ['b'.repeat(64)],
  )
  await db.query(`DELETE FROM case_documents WHERE id LIKE 'doc-bench-%'`)
  await db.query(
    `INSERT INTO case_documents (id, case_id, tier, title, filename, mime, size, sha256, render_kind, render_sha256, page_count, uploaded_by, created_at, updated_at)
     SELECT 'doc-bench-' || g, $1, 'restricted', 'Bench draft ' || g || ' 草稿', 'draft-' || g || '.pdf', 'application/pdf', 48213, $2, 'pdf', $2, 12, 'u-lee',
            now() - g * interval '1 minute', now() - g * interval '1 minute'
     FROM generate_series(1, $3::int) g`,
    [CASE, 'b'.repeat(64), N_DOCS],
  )
}

async function load(url: string, cookie: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } })
}

async function listing(label: string, env: Record<string, string>): Promise<void> {
  process.stdout.write(
    `listing a case with ${N_DOCS} documents (${label}; ${CONNECTIONS} connections, ${DURATION_S} s each)\n`,
  )
  const server = await startBackend(env)
  try {
    // Steady state only: let the start-up work (migrations check, pdf.js preload) finish, then warm the route.
    await new Promise((r) => setTimeout(r, 5000))
    const warm = await devSignIn(server.baseURL, 'u-lee')
    await autocannon({
      url: `${server.baseURL}/api/cases/${CASE}/documents?tier=restricted&limit=50`,
      connections: CONNECTIONS,
      duration: 2,
      headers: { cookie: warm.cookie },
    })
    for (const [who, userId] of [
      ['associate', 'u-lee'],
      ['client', 'u-client-tse'],
    ] as const) {
      const { cookie } = await devSignIn(server.baseURL, userId)
      const first = await fetch(`${server.baseURL}/api/cases/${CASE}/documents?tier=restricted&limit=50`, {
        headers: { cookie },
      })
      const page = (await first.json()) as { items: unknown[]; nextCursor: string | null }
      if (first.status !== 200 || page.items.length !== 50)
        throw new Error(`listing as ${who} answered ${first.status}`)
      const r = await load(`${server.baseURL}/api/cases/${CASE}/documents?tier=restricted&limit=50`, cookie)
      if (r.non2xx) throw new Error(`${r.non2xx} non-2xx answers listing as ${who}`)
      add(`${label}: list first 50 of ${N_DOCS} documents as ${who}, p50`, r.latency.p50, 'ms')
      add(`${label}: list first 50 of ${N_DOCS} documents as ${who}, p99`, r.latency.p99, 'ms')
      add(`${label}: list first 50 of ${N_DOCS} documents as ${who}, throughput`, r.requests.average, 'req/s')
    }
    const { cookie } = await devSignIn(server.baseURL, 'u-lee')
    // A page deep in the list (keyset cursor) and a title search scanning the whole tier.
    let cursor: string | null = null
    for (let i = 0; i < 100; i++) {
      const res = await fetch(
        `${server.baseURL}/api/cases/${CASE}/documents?tier=restricted&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: { cookie } },
      )
      cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor
    }
    const deep = await load(
      `${server.baseURL}/api/cases/${CASE}/documents?tier=restricted&limit=50&cursor=${cursor}`,
      cookie,
    )
    add(`${label}: list 50 documents at offset 5,000 (keyset cursor), p50`, deep.latency.p50, 'ms')
    add(`${label}: list 50 documents at offset 5,000 (keyset cursor), p99`, deep.latency.p99, 'ms')
    const search = await load(
      `${server.baseURL}/api/cases/${CASE}/documents?tier=restricted&limit=50&q=${encodeURIComponent('draft 99')}`,
      cookie,
    )
    add(`${label}: search titles of ${N_DOCS} documents, p50`, search.latency.p50, 'ms')
    add(`${label}: search titles of ${N_DOCS} documents, p99`, search.latency.p99, 'ms')
  } finally {
    await server.stop()
  }
}

async function makePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842])
    page.drawText(`Draft witness statement - page ${i} of ${pages}`, { x: 60, y: 770, size: 18, font })
    for (let l = 0; l < 40; l++)
      page.drawText(`${l + 1}. I make this statement from my own knowledge, save where otherwise stated.`, {
        x: 60,
        y: 735 - l * 17,
        size: 10,
        font,
      })
  }
  return doc.save()
}

async function timed(url: string, cookie: string): Promise<number> {
  const t = performance.now()
  const res = await fetch(url, { headers: { cookie } })
  const body = new Uint8Array(await res.arrayBuffer())
  if (res.status !== 200 || body[0] !== 0xff) throw new Error(`page answered ${res.status}`)
  return performance.now() - t
}

async function firstPage(): Promise<void> {
  process.stdout.write(`time to the first watermarked page of a ${PDF_PAGES}-page PDF (embedded database)\n`)
  const dataDir = mkdtempSync(join(tmpdir(), 'suite-bench-cr-'))
  try {
    let server = await startBackend({ DATA_DIR: dataDir })
    let docId: string
    try {
      await new Promise((r) => setTimeout(r, 5000))
      const lee = await devSignIn(server.baseURL, 'u-lee')
      const form = new FormData()
      form.append('file', new Blob([await makePdf(PDF_PAGES)], { type: 'application/pdf' }), 'statement.pdf')
      const t = performance.now()
      const up = await fetch(`${server.baseURL}/api/cases/${CASE}/documents?tier=restricted`, {
        method: 'POST',
        headers: { cookie: lee.cookie, 'x-csrf-token': lee.csrf },
        body: form,
      })
      if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${await up.text()}`)
      add(`upload of a ${PDF_PAGES}-page PDF (stored, typed and page-counted)`, performance.now() - t, 'ms')
      docId = ((await up.json()) as { id: string }).id
      const client = await devSignIn(server.baseURL, 'u-client-tse')
      const pageUrl = (n: number) => `${server.baseURL}/api/cases/${CASE}/documents/${docId}/pages/${n}`
      add(
        'first watermarked page right after upload (PDF already parsed)',
        await timed(pageUrl(1), client.cookie),
        'ms',
      )
      add('next page, first view', await timed(pageUrl(2), client.cookie), 'ms')
      add(
        'same page again, another viewer (raster cached, watermark redrawn)',
        await timed(pageUrl(1), lee.cookie),
        'ms',
      )
    } finally {
      await server.stop()
    }
    // A fresh process: the PDF is not parsed and no page is cached (pdf.js is preloaded at start).
    server = await startBackend({ DATA_DIR: dataDir })
    try {
      await new Promise((r) => setTimeout(r, 3000))
      const client = await devSignIn(server.baseURL, 'u-client-tse')
      add(
        `time to first watermarked page of a ${PDF_PAGES}-page PDF, fresh server process`,
        await timed(`${server.baseURL}/api/cases/${CASE}/documents/${docId}/pages/1`, client.cookie),
        'ms',
        'PDF parsed on this request; pdf.js loaded at server start',
      )
      add(
        `time to first watermarked page of a ${PDF_PAGES}-page PDF, warm process, page 30`,
        await timed(`${server.baseURL}/api/cases/${CASE}/documents/${docId}/pages/30`, client.cookie),
        'ms',
      )
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Build the case-room app when its bundle is missing or older than its sources (the server serves apps/case-room/dist). */
function ensureAppBuilt(): void {
  const dist = join(root, 'apps/case-room/dist/index.html')
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs),
      0,
    )
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, 'apps/case-room/src'))) return
  process.stdout.write('building apps/case-room …\n')
  const b = spawnSync('pnpm', ['--filter', '@suite/case-room', 'build'], { cwd: root, stdio: 'inherit' })
  if (b.status !== 0) throw new Error('building apps/case-room failed')
}

/**
 * Render time in the app: the built case room in headless Chromium (flags as e2e/support/browser.ts)
 * against a backend whose case holds N_DOCS documents in one tier. Each run is a fresh browser
 * context (empty cache, the session cookie set beforehand) opening the case's "drafts for review"
 * tab straight from the URL; the page itself records, with performance.now() (0 = navigation
 * start), when the first rows of the document list are in the DOM and when the frame showing
 * them has been drawn (two animation frames later). Then "load more" to the next page is timed.
 */
async function appRender(env: Record<string, string>): Promise<void> {
  ensureAppBuilt()
  process.stdout.write(
    `render time of a case with ${N_DOCS} documents in the app (Chromium, ${RENDER_RUNS} runs per viewer)\n`,
  )
  const server = await startBackend(env)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=LocalNetworkAccessChecks',
    ],
  })
  try {
    await new Promise((r) => setTimeout(r, 5000))
    const url = `${server.baseURL}/apps/case-room/?corpId=${DEMO_CORP_ID}#/cases/${CASE}/restricted`
    const viewers: { label: string; userId: string; context: BrowserContextOptions }[] = [
      { label: 'associate, PC 1280 px', userId: 'u-lee', context: { viewport: { width: 1280, height: 800 } } },
      {
        label: 'client, phone 390 px',
        userId: 'u-client-tse',
        context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
      },
    ]
    for (const v of viewers) {
      const { cookie } = await devSignIn(server.baseURL, v.userId)
      const [name, ...rest] = cookie.split('=')
      const inDom: number[] = []
      const drawn: number[] = []
      const more: number[] = []
      let rows = 0
      for (let i = 0; i < RENDER_RUNS; i++) {
        const context = await browser.newContext({ locale: 'zh-HK', timezoneId: 'Asia/Hong_Kong', ...v.context })
        await context.addCookies([{ name: name!, value: rest.join('='), url: server.baseURL }])
        await context.addInitScript(() => {
          const w = window as unknown as { __rows?: { inDom: number; drawn?: number; count: number } }
          new MutationObserver((_, observer) => {
            const items = document.querySelectorAll('.document-list__items > li')
            if (!items.length) return
            observer.disconnect()
            const at = { inDom: performance.now(), count: items.length }
            w.__rows = at
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                w.__rows = { ...at, drawn: performance.now() }
              }),
            )
          }).observe(document, { childList: true, subtree: true })
        })
        const page = await context.newPage()
        await page.goto(url)
        const first = await page.waitForFunction(
          () =>
            (window as unknown as { __rows?: { drawn?: number } }).__rows?.drawn !== undefined
              ? (window as unknown as { __rows: { inDom: number; drawn: number; count: number } }).__rows
              : null,
          undefined,
          { timeout: 60_000 },
        )
        const r = (await first.jsonValue())!
        if (!(await page.locator('.document-list__items > li').first().isVisible()))
          throw new Error('the first document row is not visible')
        inDom.push(r.inDom)
        drawn.push(r.drawn)
        rows = r.count
        // The next page of the 10,000 (keyset cursor), as the reader taps "load more".
        const t = await page.evaluate(() => performance.now())
        await page.locator('.document-list__more').click()
        await page.waitForFunction(
          (n) => document.querySelectorAll('.document-list__items > li').length >= n,
          rows * 2,
          { timeout: 60_000 },
        )
        more.push((await page.evaluate(() => performance.now())) - t)
        await context.close()
      }
      const med = (xs: number[]) => percentile(xs, 50) as number
      add(
        `app: ${N_DOCS}-document case, ${v.label}: navigation to first rows drawn, first run`,
        drawn[0]!,
        'ms',
        `${rows} rows; cold server and browser cache`,
      )
      add(
        `app: ${N_DOCS}-document case, ${v.label}: navigation to first rows drawn, median`,
        med(drawn.slice(1)),
        'ms',
        `${RENDER_RUNS - 1} runs, fresh browser context each`,
      )
      add(
        `app: ${N_DOCS}-document case, ${v.label}: navigation to first rows drawn, worst`,
        Math.max(...drawn.slice(1)),
        'ms',
      )
      add(
        `app: ${N_DOCS}-document case, ${v.label}: navigation to first rows in the DOM, median`,
        med(inDom.slice(1)),
        'ms',
      )
      add(`app: ${N_DOCS}-document case, ${v.label}: "load more" to ${rows * 2} rows, median`, med(more), 'ms')
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

/** Write the rows: all of them for a full run; for a partial run, replacing only same-named rows. */
function writeRows(partial: boolean): void {
  mkdirSync(join(root, '.bench'), { recursive: true })
  const file = join(root, '.bench', 'case-room.json')
  let out: Row[] = rows
  if (partial && existsSync(file)) {
    const names = new Set(rows.map((r) => r.name))
    out = [...(JSON.parse(readFileSync(file, 'utf8')) as Row[]).filter((r) => !names.has(r.name)), ...rows]
  }
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
  process.stdout.write(
    `wrote .bench/case-room.json (${rows.length} rows${partial ? `, ${out.length} in the file` : ''})\n`,
  )
}

if (only === 'app-render') {
  const dir = mkdtempSync(join(tmpdir(), 'suite-bench-cr-'))
  try {
    const lite = await openDb({ dataDir: join(dir, 'pglite') })
    await fill(lite)
    await lite.close()
    await appRender({ DATA_DIR: dir })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  writeRows(true)
  process.exit(0)
} else if (only) {
  throw new Error(`unknown --only ${only} (known: app-render)`)
}

const dataDir = mkdtempSync(join(tmpdir(), 'suite-bench-cr-'))
try {
  const lite = await openDb({ dataDir: join(dataDir, 'pglite') })
  await fill(lite)
  await lite.close()
  await listing('embedded PGlite', { DATA_DIR: dataDir })
  await appRender({ DATA_DIR: dataDir })
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
const pgUrl =
  process.env.DATABASE_URL ||
  ((await pgAvailable()) ? await ensureDatabase('suite_bench_case_room', { fresh: true }) : null)
if (pgUrl) {
  const db = await openDb({ url: pgUrl })
  await fill(db)
  await db.close()
  await listing('PostgreSQL', { DATABASE_URL: pgUrl })
} else {
  process.stdout.write('PostgreSQL not reachable: skipped (set DATABASE_URL)\n')
}
await firstPage()

writeRows(false)
