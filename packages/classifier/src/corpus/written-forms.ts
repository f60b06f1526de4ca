import { extractText } from '../extract/index'
import { scanText } from '../scan'
import type { Finding } from '../types'
import { CONTAINERS, renderContainer, type ContainerName, type Line, type RenderedFile } from './containers'
import { CONTACT_FORMS } from './forms-contact'
import { ID_FORMS, type FormType, type WrittenForm } from './forms-ids'
import { HARD_NEGATIVES } from './hard-negatives'
import { createRng, type Rng } from './rng'

/**
 * The written-forms corpus: every way people write each type (`A123456-3`, `A 123456 (3)`,
 * `110105 19491231 002X`, `852 9123 4567`, `tel:…`, `mailto:…` …) and the hard negatives,
 * each in every container (plain text, CSV, quoted CSV, JSON, escaped JSON, escaped JSON in a
 * CSV cell, DingTalk chat export, escaped chat export). One cell per form and container: a
 * file of `perCell` lines, scored on its own, so a form that fails in one container shows.
 */

/** Every form, positives first by type, then the hard negatives. */
export const WRITTEN_FORMS: readonly WrittenForm[] = [...ID_FORMS, ...CONTACT_FORMS, ...HARD_NEGATIVES]

/** One cell of the corpus: a form written `perCell` times into one file. */
export interface WrittenFormsCell {
  type: FormType
  form: string
  positive: boolean
  container: ContainerName
  /** Values written in the cell (labelled for positives, hard negatives otherwise). */
  values: number
  file: RenderedFile
}

/** Options of {@link generateWrittenForms} and {@link scoreWrittenForms}. */
export interface WrittenFormsOptions {
  seed?: number
  /** Values per cell (form × container); 60 by default. */
  perCell?: number
}

/** Unlabelled things that sit beside values: dates, amounts, codes. */
const NOISE = [
  '2025-04-17',
  'HK$12,345,678.00',
  'ORD-20250417-123456',
  'v2.3.14',
  '第3段',
  '😀',
  'HCA 1234/2025',
  '192.168.1.10',
  '17/04/2025',
]

/** A 32-bit hash of a string (FNV-1a), to give every cell its own stream of values. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function line(form: WrittenForm, rng: Rng): Line {
  const [before, after] = rng.pick(form.templates).split('{}') as [string, string]
  const pieces = [
    { text: before },
    { text: form.make(rng), ...(form.positive ? { label: form.type } : {}) },
    { text: after },
  ]
  if (rng.chance(0.3)) pieces.unshift({ text: `${rng.pick(NOISE)} | ` })
  if (rng.chance(0.3)) pieces.push({ text: ` | ${rng.pick(NOISE)}` })
  return pieces
}

/** Generate every cell. The same seed always gives the same files. */
export function generateWrittenForms(options: WrittenFormsOptions = {}): WrittenFormsCell[] {
  const seed = options.seed ?? 20250417
  const perCell = options.perCell ?? 60
  const cells: WrittenFormsCell[] = []
  WRITTEN_FORMS.forEach((form, f) => {
    CONTAINERS.forEach((container, c) => {
      const rng = createRng(hash(`${seed}|${form.type}|${form.form}|${container}`))
      const lines = Array.from({ length: perCell }, () => line(form, rng))
      cells.push({
        type: form.type,
        form: form.form,
        positive: form.positive,
        container,
        values: perCell,
        file: renderContainer(container, lines, f * CONTAINERS.length + c),
      })
    })
  })
  return cells
}

/** Precision and recall of one cell (form × container). */
export interface WrittenFormsScore {
  type: FormType
  form: string
  positive: boolean
  container: ContainerName
  /** Values written in the cell. */
  values: number
  /** Labelled values in the cell. */
  expected: number
  /** Personal-data findings in the cell (keywords are not counted), of any type. */
  found: number
  truePositives: number
  precision: number
  recall: number
  /** A few labelled values that were not found, and findings that were not labelled (for failure messages). */
  misses: string[]
  falsePositives: string[]
}

/** Score one cell: a hit is the labelled type at the labelled start and end. */
export function scoreCell(cell: WrittenFormsCell, text: string, found: readonly Finding[]): WrittenFormsScore {
  const personal = found.filter((f) => f.type !== 'keyword')
  const want = new Map(cell.file.expected.map((e) => [`${e.type}:${e.start}:${e.end}`, e]))
  const hit = new Set<string>()
  const falsePositives: string[] = []
  for (const f of personal) {
    const key = `${f.type}:${f.start}:${f.end}`
    if (want.has(key)) hit.add(key)
    else if (falsePositives.length < 5) falsePositives.push(`${f.type} ${JSON.stringify(text.slice(f.start, f.end))}`)
  }
  const misses = [...want.entries()]
    .filter(([k]) => !hit.has(k))
    .slice(0, 5)
    .map(([, e]) => JSON.stringify(text.slice(Math.max(0, e.start - 12), e.end + 4)))
  const expected = want.size
  return {
    type: cell.type,
    form: cell.form,
    positive: cell.positive,
    container: cell.container,
    values: cell.values,
    expected,
    found: personal.length,
    truePositives: hit.size,
    precision: personal.length ? hit.size / personal.length : 1,
    recall: expected ? hit.size / expected : 1,
    misses,
    falsePositives,
  }
}

/**
 * Generate the corpus, read every file the way the CLI and the browser worker do
 * (`extractText` by its name, then `scanText`) and score every cell. For the bench and the
 * corpus test.
 */
export async function scoreWrittenForms(options: WrittenFormsOptions = {}): Promise<WrittenFormsScore[]> {
  const encoder = new TextEncoder()
  const rows: WrittenFormsScore[] = []
  for (const cell of generateWrittenForms(options)) {
    const { text } = await extractText(cell.file.name, encoder.encode(cell.file.content))
    rows.push(scoreCell(cell, text, scanText(text)))
  }
  return rows
}

const pct = (x: number): string => (x === 1 ? '1' : x.toFixed(3))

/**
 * A markdown table: one row per type and form (`n` values per container), one column per
 * container, each cell `precision / recall` (`1 / 1` when perfect); hard negatives (`NOT:`)
 * show precision and how many findings they drew (they expect none). A last row gives each
 * container's minimum.
 */
export function writtenFormsTable(rows: readonly WrittenFormsScore[]): string {
  const key = (r: WrittenFormsScore): string => `${r.type}|${r.form}|${r.positive}`
  const groups = new Map<string, WrittenFormsScore[]>()
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r])
  const head = `| type | form | n | ${CONTAINERS.join(' | ')} |\n|---|---|---|${CONTAINERS.map(() => '---').join('|')}|`
  const body = [...groups.values()].map((g) => {
    const first = g[0]!
    const cells = CONTAINERS.map((c) => {
      const r = g.find((x) => x.container === c)
      return !r
        ? ''
        : first.positive
          ? `${pct(r.precision)} / ${pct(r.recall)}`
          : `${pct(r.precision)} (${r.found} found)`
    })
    return `| ${first.type} | ${first.positive ? '' : 'NOT: '}${first.form} | ${first.values} | ${cells.join(' | ')} |`
  })
  const mins = CONTAINERS.map((c) => {
    const of = rows.filter((r) => r.container === c)
    return `${pct(Math.min(...of.map((r) => r.precision)))} / ${pct(Math.min(...of.map((r) => r.recall)))}`
  })
  return [head, ...body, `| **min** | | | ${mins.join(' | ')} |`].join('\n')
}
