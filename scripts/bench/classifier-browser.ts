/**
 * Browser bench and privacy check of the data classifier, in Debian's Chromium through
 * playwright-core: builds the app if needed, starts the backend on a loopback port, signs in,
 * picks a generated ~20 MB folder (text, Markdown, CSV, chat exports, .docx, .xlsx; corpus
 * documents between ordinary chat lines), times the
 * scan in the Web Worker, walks the wizard to the saved report, and checks that no request
 * carried a raw ID. Also measures the app's initial JS + CSS (gzip).
 * Writes `.bench/classifier-browser.json` as rows of { name, value, unit }.
 *
 * Run: pnpm exec tsx scripts/bench/classifier-browser.ts [--mb 20] [--screenshots DIR]
 * Needs: apt-get install -y chromium fonts-wqy-microhei
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from 'playwright-core'
import { FILLER, createRng, generateCorpus } from '@suite/classifier/corpus'
import { makeDocx, makeXlsx } from '@suite/classifier/testing'

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const targetMb = Number(arg('--mb') ?? 20)
const shots = arg('--screenshots')
const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = join(root, 'apps/data-classifier/dist')
const PORT = Number(process.env.BENCH_PORT ?? 18473)
const base = `http://127.0.0.1:${PORT}`
const log = (s: string): void => {
  process.stdout.write(`${s}\n`)
}

/** Initial JS + CSS of the built app: what index.html loads before any lazy route, gzip-compressed. */
async function initialBytes(): Promise<{ js: number; css: number }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/(?:src|href)="\/apps\/data-classifier\/(assets\/[^"]+\.(js|css))"/g)]
  let js = 0
  let css = 0
  for (const [, path, ext] of refs) {
    const size = gzipSync(await readFile(join(dist, path!))).length
    if (ext === 'js') js += size
    else css += size
  }
  return { js, css }
}

/** A folder of mixed files built from the corpus; returns the raw personal values it holds. */
async function makeFolder(dir: string): Promise<{ bytes: number; files: number; raw: string[] }> {
  const docs = generateCorpus({ seed: 7, docs: 4000 })
  const rng = createRng(7)
  const raw = new Set<string>()
  let bytes = 0
  let files = 0
  let d = 0
  while (bytes < targetMb * 1e6) {
    const chunk = docs.slice(d % docs.length, (d % docs.length) + 40)
    d += 40
    for (const doc of chunk)
      for (const e of doc.expected) if (e.type !== 'keyword') raw.add(doc.text.slice(e.start, e.end))
    // Typical density: each corpus document after ~40 lines of ordinary chat and notes.
    const text = chunk
      .map((x) => `${Array.from({ length: 40 }, () => rng.pick(FILLER)).join('\n')}\n${x.text}`)
      .join('\n')
    const kind = files % 6
    const sub = join(dir, `matter-${files % 5}`)
    await mkdir(sub, { recursive: true })
    let data: Uint8Array | string
    let name: string
    if (kind === 0) {
      data = makeDocx(text.split('\n'))
      name = `file-${files}.docx`
    } else if (kind === 1) {
      data = makeXlsx([text.split('\n').map((l) => l.split(/[，,]/))])
      name = `file-${files}.xlsx`
    } else if (kind === 2) {
      data = JSON.stringify({
        messages: chunk.map((x, i) => ({
          sender: { name: `U${i}` },
          time: '2025-04-17T09:30:00+08:00',
          content: x.text,
        })),
      })
      name = `chat-${files}.json`
    } else {
      data = text
      name = `file-${files}.${['txt', 'md', 'csv'][kind % 3]}`
    }
    await writeFile(join(sub, name), data)
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length
    files++
  }
  return { bytes, files, raw: [...raw] }
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('backend did not start')
}

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return
  await mkdir(shots, { recursive: true })
  await page.screenshot({
    path: join(shots, `${name}.png`),
    fullPage: page.viewportSize()!.width > 800 && (await page.evaluate(() => document.body.scrollHeight)) < 3000,
  })
}

if (!existsSync(join(dist, 'index.html'))) {
  log('building apps/data-classifier …')
  const b = spawnSync('pnpm', ['--filter', '@suite/data-classifier', 'build'], { cwd: root, stdio: 'inherit' })
  if (b.status !== 0) throw new Error('build failed')
}

const work = await mkdtemp(join(tmpdir(), 'classifier-bench-'))
const folder = join(work, 'folder')
const made = await makeFolder(folder)
await mkdir(join(work, 'data'), { recursive: true })
log(`folder: ${made.files} files, ${(made.bytes / 1e6).toFixed(1)} MB, ${made.raw.length} distinct raw values`)

const server = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'mock-server/src/server.ts')], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: join(work, 'data'),
    DEV_SIGN_IN: 'true',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  },
})
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
try {
  await waitForServer()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-HK' })
  const page = await context.newPage()
  const requests: Array<{ phase: string; url: string; body: string }> = []
  let phase = 'start'
  page.on('request', (r) => {
    requests.push({ phase, url: r.url(), body: r.postData() ?? '' })
  })
  page.on('pageerror', (e) => log(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') log(`console: ${m.text()}`)
  })
  page.on('worker', (w) => log(`worker started: ${new URL(w.url()).pathname}`))
  await context.request.post(`${base}/api/auth/dev`, { data: { userId: 'u-lee' } })
  await page.goto(`${base}/apps/data-classifier/`)
  await page.locator('[data-test="folder-input"]').waitFor({ state: 'attached', timeout: 30_000 })
  await shot(page, '1-sources-pc')

  phase = 'scan'
  await page.locator('[data-test="folder-input"]').setInputFiles(folder)
  const t0 = Date.now()
  await page.locator('[data-test="next"]').click()
  await page
    .locator('[data-test="scan-finished"]')
    .waitFor({ timeout: Number(arg('--timeout') ?? 600_000) })
    .catch(async (e: unknown) => {
      await shot(page, 'scan-timeout')
      throw e
    })
  const scanMs = Date.now() - t0
  log(`scan of ${(made.bytes / 1e6).toFixed(1)} MB in the worker: ${scanMs} ms`)
  await shot(page, '2-scan-pc')

  phase = 'review'
  await page.locator('[data-test="next"]').click()
  await page.locator('.step-review').waitFor()
  await shot(page, '3-review-pc')
  await page.locator('[data-test="next"]').click()
  await page.locator('.step-label').waitFor()
  await page.locator('[data-test="next"]').click()
  await page.locator('.step-flow').waitFor()
  await page.locator('[data-test="stored-in"]').first().click()
  await page.getByRole('option', { name: '中國內地' }).click()
  await shot(page, '5-flow-pc')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, '5-flow-phone')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.locator('[data-test="next"]').click()

  phase = 'save'
  await page.locator('[data-test="save"]').click()
  await page.locator('[data-test="saved"]').waitFor({ timeout: 30_000 })
  await shot(page, '6-report-pc')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, '6-report-phone')

  const leaks = requests.filter((r) =>
    made.raw.some((v) => r.body.includes(v) || decodeURIComponent(r.url).includes(v)),
  )
  const during = requests.filter((r) => r.phase === 'scan' || r.phase === 'review')
  const saved = requests.find((r) => r.phase === 'save' && r.url.endsWith('/api/classifier/reports'))
  log(
    `requests during scan and review: ${during.length} (${
      during
        .map((r) => new URL(r.url).pathname)
        .filter((p) => !p.includes('/assets/'))
        .join(', ') || 'assets only'
    })`,
  )
  log(
    `saved record: ${saved ? `${saved.body.length} bytes` : 'missing'}; requests carrying a raw value: ${leaks.length}`,
  )
  if (leaks.length || !saved) throw new Error('privacy check failed')

  const size = await initialBytes()
  const rows = [
    {
      name: 'classifier: browser worker scan of a 20 MB folder (Chromium, mixed formats)',
      value: scanMs,
      unit: `ms for ${(made.bytes / 1e6).toFixed(1)} MB in ${made.files} files`,
    },
    {
      name: 'classifier: browser worker scan throughput',
      value: Math.round((made.bytes / 1e6 / (scanMs / 1000)) * 10) / 10,
      unit: 'MB/s',
    },
    { name: 'data-classifier: initial JS (gzip)', value: Math.round(size.js / 102.4) / 10, unit: 'KB' },
    { name: 'data-classifier: initial CSS (gzip)', value: Math.round(size.css / 102.4) / 10, unit: 'KB' },
    { name: 'classifier: requests carrying a raw ID during the wizard', value: leaks.length, unit: 'requests' },
  ]
  await mkdir(join(root, '.bench'), { recursive: true })
  await writeFile(join(root, '.bench/classifier-browser.json'), `${JSON.stringify(rows, null, 2)}\n`)
  for (const r of rows) log(`${r.name}: ${r.value} ${r.unit}`)
} finally {
  await browser.close()
  server.kill('SIGTERM')
  await rm(work, { recursive: true, force: true })
}
