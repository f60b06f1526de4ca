/**
 * Bench of the written-forms corpus: every way of writing each type, and the hard negatives,
 * in every container, read the way the CLI reads files. Prints the markdown table (precision /
 * recall per form and container) and, with `--json FILE`, writes the summary rows in the
 * `scripts/bench.mjs` format (`[{ name, value, unit, note? }]`).
 *
 * Run: npx tsx packages/classifier/src/bench/written-forms.ts [--per-cell 200] [--seed N] [--json .bench/classifier-written-forms.json]
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  scoreWrittenForms,
  writtenFormsTable,
  type WrittenFormsOptions,
  type WrittenFormsScore,
} from '../corpus/written-forms'

/** One figure, as `scripts/bench.mjs` collects them. */
export interface BenchRow {
  name: string
  value: number
  unit: string
  note?: string
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000

/** Summary figures of a written-forms run: minimum precision and recall, overall and per type. */
export function writtenFormsBenchRows(rows: readonly WrittenFormsScore[], seconds: number): BenchRow[] {
  const min = (of: readonly WrittenFormsScore[], k: 'precision' | 'recall'): number =>
    round(Math.min(...of.map((r) => r[k])))
  const types = [...new Set(rows.map((r) => r.type))]
  const failing = rows.filter((r) => r.precision < 0.99 || r.recall < 0.99)
  return [
    {
      name: 'classifier written forms: cells (form × container)',
      value: rows.length,
      unit: 'cells',
      note: `${new Set(rows.map((r) => `${r.type}|${r.form}`)).size} forms, ${new Set(rows.map((r) => r.container)).size} containers`,
    },
    {
      name: 'classifier written forms: labelled values',
      value: rows.reduce((a, r) => a + r.expected, 0),
      unit: 'values',
    },
    { name: 'classifier written forms: minimum precision of any cell', value: min(rows, 'precision'), unit: 'ratio' },
    { name: 'classifier written forms: minimum recall of any cell', value: min(rows, 'recall'), unit: 'ratio' },
    {
      name: 'classifier written forms: cells below 0.99',
      value: failing.length,
      unit: 'cells',
      ...(failing.length
        ? {
            note: failing
              .slice(0, 5)
              .map((r) => `${r.type}/${r.form}/${r.container}`)
              .join('; '),
          }
        : {}),
    },
    ...types.flatMap((t) => {
      const of = rows.filter((r) => r.type === t)
      return [
        { name: `classifier written forms: ${t} minimum precision`, value: min(of, 'precision'), unit: 'ratio' },
        { name: `classifier written forms: ${t} minimum recall`, value: min(of, 'recall'), unit: 'ratio' },
      ]
    }),
    {
      name: 'classifier written forms: generate, extract and scan every cell',
      value: Math.round(seconds * 10) / 10,
      unit: 's',
    },
  ]
}

/** Score the corpus, print the table and the figures, and write them to `json` when given. */
export async function runWrittenFormsBench(options: WrittenFormsOptions & { json?: string } = {}): Promise<BenchRow[]> {
  const t0 = performance.now()
  const rows = await scoreWrittenForms(options)
  const figures = writtenFormsBenchRows(rows, (performance.now() - t0) / 1000)
  process.stdout.write(
    `${writtenFormsTable(rows)}\n\n${figures.map((f) => `${f.name}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`).join('\n')}\n`,
  )
  if (options.json) {
    await mkdir(dirname(resolve(options.json)), { recursive: true })
    await writeFile(resolve(options.json), `${JSON.stringify(figures, null, 2)}\n`)
  }
  return figures
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  const json = arg('--json')
  await runWrittenFormsBench({
    perCell: Number(arg('--per-cell') ?? 200),
    seed: Number(arg('--seed') ?? 20250417),
    ...(json ? { json } : {}),
  })
}
