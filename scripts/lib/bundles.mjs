// Sizes of the built mini-apps, shared by `pnpm budget` (the CI gate) and `pnpm bench` (the report).
// "Initial" is what index.html loads before any lazy chunk: its module scripts, modulepreloads
// and stylesheets. Everything else under dist/assets is "lazy".
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Where the shared Vite config's bundle-stats plugin writes, relative to an app's folder. */
export const BUNDLE_STATS_FILE = 'node_modules/.cache/suite/bundle-stats.json'

/** The apps under `root/apps` that have a build. */
export function builtApps(root) {
  const dir = join(root, 'apps')
  return readdirSync(dir)
    .filter((a) => existsSync(join(dir, a, 'dist', 'index.html')))
    .sort()
}

/** Files index.html loads up front: module scripts, modulepreloads and stylesheets (absolute paths). */
export function initialAssets(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  return [...new Set(refs)].map((r) => join(dist, r.replace(/^.*?\/assets\//, 'assets/')))
}

const gzip = (b) => gzipSync(b, { level: 9 }).length
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

/** Raw, gzip (level 9) and brotli (quality 11) bytes of each file, and their sums. */
export function sizes(files) {
  const each = files.map((f) => {
    const b = readFileSync(f)
    return { file: f, raw: b.length, gz: gzip(b), br: brotli(b) }
  })
  const sum = (k) => each.reduce((n, e) => n + e[k], 0)
  return { raw: sum('raw'), gz: sum('gz'), br: sum('br'), files: each }
}

/**
 * What the initial JS is made of, per package, in gzip bytes: each initial chunk's gzip size
 * shared out in proportion to its modules' rendered bytes (from the bundle-stats plugin).
 * Approximate by nature (gzip does not compress every module alike); null without stats
 * or when the stats describe another build.
 */
export function composition(appDir, initialJs) {
  const file = join(appDir, BUNDLE_STATS_FILE)
  if (!existsSync(file)) return null
  const stats = JSON.parse(readFileSync(file, 'utf8'))
  const out = {}
  for (const f of initialJs.files) {
    const chunk = stats.chunks[`assets/${f.file.split('/assets/')[1]}`]
    if (!chunk) return null
    const total = Object.values(chunk.packages).reduce((a, b) => a + b, 0) || 1
    for (const [pkg, bytes] of Object.entries(chunk.packages)) out[pkg] = (out[pkg] ?? 0) + (f.gz * bytes) / total
  }
  return Object.fromEntries(
    Object.entries(out)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => [k, Math.round(v)]),
  )
}

/** Every size figure of one built app. */
export function measureApp(root, app) {
  const appDir = join(root, 'apps', app)
  const dist = join(appDir, 'dist')
  const initial = initialAssets(dist)
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => join(dist, 'assets', f))
  const lazy = all.filter((f) => !initial.includes(f))
  const pick = (files, ext) => sizes(files.filter((f) => f.endsWith(ext)))
  const initialJs = pick(initial, '.js')
  const initialCss = pick(initial, '.css')
  const lazyJs = pick(lazy, '.js')
  const lazyCss = pick(lazy, '.css')
  const short = (s) => ({ raw: s.raw, gz: s.gz, br: s.br })
  return {
    app,
    initialJs: short(initialJs),
    initialCss: short(initialCss),
    lazyJs: short(lazyJs),
    lazyCss: short(lazyCss),
    initialGz: initialJs.gz + initialCss.gz,
    initialBr: initialJs.br + initialCss.br,
    initialFiles: [...initialJs.files, ...initialCss.files]
      .map((f) => ({ file: f.file.split('/assets/')[1], gz: f.gz }))
      .sort((a, b) => b.gz - a.gz),
    lazyChunks: lazyJs.files.length,
    composition: composition(appDir, initialJs),
  }
}

/** KB with one decimal. */
export const kb = (bytes) => (bytes / 1024).toFixed(1)
