// Lighthouse (12.8, the last line that runs on Node 20) against Debian's Chromium with the
// flags of shared/STYLE.md. Default Lighthouse config: a mid-range phone, simulated slow 4G
// and 4x CPU slowdown ("mobile"); performance category only.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Launch one Chromium for several Lighthouse runs. */
export function launchChrome() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  })
}

/**
 * Run Lighthouse `runs` times on `url` and keep the run with the median score.
 * `headers` go on every request of the page (e.g. a session cookie).
 * Returns { score (0-100), lcpMs, tbtMs, fcpMs, runs, scores, finalUrl }.
 */
export async function measurePage(chrome, url, { headers, runs = 3 } = {}) {
  const results = []
  for (let i = 0; i < runs; i++) {
    const r = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      ...(headers ? { extraHeaders: headers } : {}),
    })
    const lhr = r.lhr
    if (lhr.runtimeError)
      throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    results.push({
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
      tbtMs: lhr.audits['total-blocking-time'].numericValue,
      fcpMs: lhr.audits['first-contentful-paint'].numericValue,
      finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl,
      warnings: lhr.runWarnings ?? [],
    })
  }
  const sorted = [...results].sort((a, b) => a.score - b.score)
  const median = sorted[Math.floor(sorted.length / 2)]
  return { ...median, runs, scores: results.map((r) => r.score) }
}
