/**
 * Bench of the labelled list: detection rate, false alarms and the time per check, as a
 * markdown table on stdout and, with `--out <file>`, as the rows `scripts/bench.mjs` collects
 * (`[{ name, value, unit, note? }]`).
 *
 * Run: `node_modules/.bin/tsx packages/scam-check/src/bench/labelled.ts [--out .bench/scam-check.json]`
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { LABELLED_IDENTIFIERS, LABELLED_LISTS } from '../testing/labelled-identifiers'
import { scoreLabelledList, type LabelledScore } from '../testing/score'
import { checkIdentifier } from '../verdict'

/** One figure, in the shape of `.bench/<name>.json`. */
export interface BenchRow {
  name: string
  value: number
  unit: string
  note?: string
}

const pct = (x: number) => Math.round(x * 1000) / 10

/** Microseconds per check over the whole list, after a warm-up: mean, median and 95th percentile. */
export function timeChecks(rounds = 20): { meanUs: number; p50Us: number; p95Us: number } {
  const run = () =>
    LABELLED_IDENTIFIERS.map((c) => {
      const t = performance.now()
      checkIdentifier(c.text, LABELLED_LISTS, { kind: c.kind, claimsDingTalk: c.claimsDingTalk ?? false })
      return (performance.now() - t) * 1000
    })
  for (let i = 0; i < 3; i++) run()
  const times = Array.from({ length: rounds }, run)
    .flat()
    .sort((a, b) => a - b)
  const at = (q: number) => times[Math.floor(times.length * q)] ?? 0
  return { meanUs: times.reduce((a, b) => a + b, 0) / times.length, p50Us: at(0.5), p95Us: at(0.95) }
}

/** The figures of a scored run as bench rows. */
export function labelledBenchRows(s: LabelledScore = scoreLabelledList(), time = timeChecks()): BenchRow[] {
  const rows: BenchRow[] = [
    {
      name: 'labelled list: should-flag identifiers flagged',
      value: pct(s.rate),
      unit: '%',
      note: `${s.flagged} of ${s.total}; target ≥ 97%`,
    },
    {
      name: 'labelled list: false alarms on legitimate identifiers',
      value: pct(s.falseAlarmRate),
      unit: '%',
      note: `${s.falseAlarms} of ${s.legitTotal}; target ≤ 1%`,
    },
  ]
  for (const [label, c] of Object.entries(s.byLabel))
    rows.push({
      name: `labelled list: ${label} flagged`,
      value: pct(c.total ? c.flagged / c.total : 1),
      unit: '%',
      note: `${c.flagged} of ${c.total}`,
    })
  rows.push({
    name: 'check time per identifier, mean',
    value: Math.round(time.meanUs * 10) / 10,
    unit: 'µs',
    note: 'includes garbage-collection pauses',
  })
  rows.push({ name: 'check time per identifier, median', value: Math.round(time.p50Us * 10) / 10, unit: 'µs' })
  rows.push({ name: 'check time per identifier, p95', value: Math.round(time.p95Us * 10) / 10, unit: 'µs' })
  return rows
}

/** A markdown report: the figures, then every miss and false alarm with the reasons given. */
export function markdownReport(s: LabelledScore, rows: readonly BenchRow[]): string {
  const cell = (x: string) => x.replace(/\|/g, '\\|')
  const out = [
    '| measure | value | unit | note |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.value} | ${r.unit} | ${r.note ?? ''} |`),
  ]
  const cases = [
    ...s.misses.map((m) => ({ ...m, what: 'miss' })),
    ...s.falseAlarmCases.map((m) => ({ ...m, what: 'false alarm' })),
  ]
  if (cases.length) {
    out.push('', '| case | identifier | label | note | verdict | reasons |', '|---|---|---|---|---|---|')
    for (const c of cases)
      out.push(
        `| ${c.what} | \`${cell(c.text)}\` | ${c.label} | ${cell(c.note)} | ${c.verdict} | ${c.reasons.join(', ')} |`,
      )
  }
  return `${out.join('\n')}\n`
}

/** Score the list, print the markdown report, and write the rows to `out` when given. */
export function runLabelledBench(out?: string): BenchRow[] {
  const score = scoreLabelledList()
  const rows = labelledBenchRows(score)
  process.stdout.write(markdownReport(score, rows))
  if (out) {
    mkdirSync(dirname(resolve(out)), { recursive: true })
    writeFileSync(resolve(out), JSON.stringify(rows, null, 2))
  }
  return rows
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--out')
  runLabelledBench(i > 0 ? process.argv[i + 1] : undefined)
}
