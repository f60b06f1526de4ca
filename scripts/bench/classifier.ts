/**
 * Bench of the classifier engine on one thread in Node: MB/s (UTF-8 megabytes) of mixed
 * zh-Hant / zh-Hans / English text with emoji, IDs, cards, phones and look-alikes from the
 * seeded corpus (dense: a finding every ~50 bytes), the same diluted with ordinary chat lines
 * (typical), and the chat-export path (JSON parse + extract + scan).
 * Writes `.bench/classifier.json` as rows of { name, value, unit }.
 *
 * Run: pnpm exec tsx scripts/bench/classifier.ts [--mb 16]
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { scanText } from '@suite/classifier'
import { FILLER, createRng, generateCorpus } from '@suite/classifier/corpus'
import { extractChatExport } from '@suite/classifier/extract'

const mbArg = process.argv.indexOf('--mb')
const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 16
const root = fileURLToPath(new URL('../../', import.meta.url))

const docs = generateCorpus({ seed: 1, docs: 2000 })
const unit = docs.map((d) => d.text).join('\n')
const unitBytes = new TextEncoder().encode(unit).length
const text = unit.repeat(Math.max(1, Math.round((targetMb * 1e6) / unitBytes)))
const bytes = new TextEncoder().encode(text).length
// Diluted: each corpus document after ~40 lines of ordinary chat and notes.
const rng = createRng(2)
const sparseUnit = docs
  .map((d) => `${Array.from({ length: 40 }, () => rng.pick(FILLER)).join('\n')}\n${d.text}`)
  .join('\n')
const sparse = sparseUnit.repeat(
  Math.max(1, Math.round((targetMb * 1e6) / new TextEncoder().encode(sparseUnit).length)),
)
const sparseBytes = new TextEncoder().encode(sparse).length
const chat = docs.map((d) => d.chatExport)
const chatBytes = chat.reduce((a, c) => a + new TextEncoder().encode(c).length, 0)

/** Median of `runs` timings of `fn`, in seconds, after one warm-up. */
function time(fn: () => unknown, runs: number): number {
  fn()
  const t: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    t.push((performance.now() - t0) / 1000)
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

let findings = 0
const scanSeconds = time(() => {
  findings = scanText(text).length
}, 5)
let sparseFindings = 0
const sparseSeconds = time(() => {
  sparseFindings = scanText(sparse).length
}, 5)
const chatSeconds = time(() => {
  for (const c of chat) scanText(extractChatExport(c) ?? '')
}, 5)

const rows = [
  {
    name: 'classifier: scan dense mixed text (corpus), one thread (Node)',
    value: Math.round((bytes / 1e6 / scanSeconds) * 10) / 10,
    unit: 'MB/s',
  },
  {
    name: 'classifier: scan dense mixed text, time for the sample',
    value: Math.round(scanSeconds * 1000),
    unit: `ms per ${(bytes / 1e6).toFixed(1)} MB`,
  },
  {
    name: 'classifier: findings per MB of dense mixed text',
    value: Math.round(findings / (bytes / 1e6)),
    unit: 'findings/MB',
  },
  {
    name: 'classifier: scan diluted mixed text (corpus + ordinary chat lines), one thread (Node)',
    value: Math.round((sparseBytes / 1e6 / sparseSeconds) * 10) / 10,
    unit: 'MB/s',
  },
  {
    name: 'classifier: findings per MB of diluted text',
    value: Math.round(sparseFindings / (sparseBytes / 1e6)),
    unit: 'findings/MB',
  },
  {
    name: 'classifier: DingTalk chat export, parse + extract + scan',
    value: Math.round((chatBytes / 1e6 / chatSeconds) * 10) / 10,
    unit: 'MB/s',
  },
]
await mkdir(`${root}.bench`, { recursive: true })
await writeFile(`${root}.bench/classifier.json`, `${JSON.stringify(rows, null, 2)}\n`)
for (const r of rows) process.stdout.write(`${r.name}: ${r.value} ${r.unit}\n`)
