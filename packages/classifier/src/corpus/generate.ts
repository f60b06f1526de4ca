import type { KeywordCategory, SensitiveType } from '@suite/domain'
import { createRng, type Rng } from './rng'
import {
  BARE_FORMATTED_TEMPLATES,
  BARE_PHONE_TEMPLATES,
  FILLER,
  KEYWORD_SENTENCES,
  TEMPLATES,
  type ValueType,
} from './templates'
import {
  card,
  cnId,
  email,
  hkId,
  lookAlike,
  moId,
  phoneBare,
  phoneContiguousHk,
  phoneWithCode,
  toFullWidth,
} from './values'

/** A labelled span of a corpus document. */
export interface Expected {
  type: SensitiveType
  start: number
  end: number
  category?: KeywordCategory
}

/** One corpus document: its text, the findings it holds, and the same text as a chat export. */
export interface CorpusDoc {
  id: string
  text: string
  expected: Expected[]
  /** A DingTalk chat export (JSON) whose extracted text is `text`; one message per line. */
  chatExport: string
}

class DocBuilder {
  text = ''
  expected: Expected[] = []
  lines: string[] = []
  private line = ''

  /** Append a template: `{}` is the value (labelled `type`, or unlabelled when null), `[[w|cat]]` keywords. */
  add(template: string, value: string | null, type: ValueType | null): void {
    const parts = template.split(/(\{\}|\[\[[^\]]+\]\])/)
    for (const part of parts) {
      if (part === '{}') {
        if (value === null) continue
        if (type) this.expected.push({ type, start: this.text.length, end: this.text.length + value.length })
        this.put(value)
      } else if (part.startsWith('[[')) {
        const [word, category] = part.slice(2, -2).split('|') as [string, KeywordCategory]
        this.expected.push({ type: 'keyword', start: this.text.length, end: this.text.length + word.length, category })
        this.put(word)
      } else {
        this.put(part)
      }
    }
  }

  put(s: string): void {
    this.text += s
    this.line += s
  }

  /** End the current message / line. */
  newline(): void {
    this.lines.push(this.line)
    this.line = ''
    this.text += '\n'
  }

  finish(): { text: string; lines: string[] } {
    this.lines.push(this.line)
    return { text: this.text, lines: this.lines }
  }
}

type Segment = (b: DocBuilder, rng: Rng) => void

const valueSegment =
  (type: ValueType, make: (rng: Rng) => string): Segment =>
  (b, rng) =>
    b.add(rng.pick(TEMPLATES[type]), make(rng), type)

/** Segment kinds and how often each appears. */
const SEGMENTS: Array<[number, Segment]> = [
  [10, (b, rng) => b.add(rng.pick(FILLER), null, null)],
  [4, valueSegment('hk_id', (rng) => hkId(rng, true))],
  [2, (b, rng) => b.add(rng.pick(TEMPLATES.hk_id), hkId(rng, false), null)],
  [2, valueSegment('mo_id', moId)],
  [3, valueSegment('cn_id', (rng) => cnId(rng))],
  [1, valueSegment('cn_id', (rng) => toFullWidth(cnId(rng)))],
  [2, (b, rng) => b.add(rng.pick(TEMPLATES.cn_id), cnId(rng, rng.chance(0.5) ? 'check' : 'date'), null)],
  [4, valueSegment('credit_card', (rng) => card(rng, true))],
  [2, (b, rng) => b.add(rng.pick(TEMPLATES.credit_card), card(rng, false), null)],
  [3, valueSegment('phone', (rng) => phoneWithCode(rng, rng.pick(['HK', 'HK', 'MO', 'CN'] as const)))],
  [2, (b, rng) => b.add(rng.pick(BARE_FORMATTED_TEMPLATES), phoneBare(rng, rng.pick(['HK', 'CN'] as const)), 'phone')],
  [1, (b, rng) => b.add(rng.pick(BARE_PHONE_TEMPLATES), phoneContiguousHk(rng), 'phone')],
  [3, valueSegment('email', email)],
  [5, (b, rng) => b.add(rng.pick(KEYWORD_SENTENCES), null, null)],
  [
    6,
    (b, rng) =>
      b.add(
        rng.pick(['參考編號 {}。', 'Ref: {}', '订单 {} 已发货', '{}', '時間 {}', 'Account {} (closed)']),
        lookAlike(rng),
        null,
      ),
  ],
  // Valid values glued into longer numbers or words are not findings.
  [
    2,
    (b, rng) =>
      b.add(
        'Serial {} end',
        rng.pick([
          `${rng.digits(2)}${cnId(rng)}${rng.digits(2)}`,
          `0${card(rng, true).replace(/[ -]/g, '')}1`,
          `${rng.int(1, 9)}${hkId(rng, true)
            .replace(/[（）()]/g, '')
            .toUpperCase()}`,
          `ID${phoneContiguousHk(rng)}99`,
        ]),
        null,
      ),
  ],
]
const TOTAL_WEIGHT = SEGMENTS.reduce((a, [w]) => a + w, 0)

function pickSegment(rng: Rng): Segment {
  let r = rng.next() * TOTAL_WEIGHT
  for (const [w, seg] of SEGMENTS) {
    r -= w
    if (r < 0) return seg
  }
  return SEGMENTS[0]![1]
}

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  seed?: number
  docs?: number
  /** Segments per document: [min, max]. */
  segments?: [number, number]
}

/**
 * Generate the labelled corpus: documents mixing zh-Hant, zh-Hans and English, emoji, valid
 * and invalid IDs, cards and phones in every written form, and numbers that only look like
 * them. The same seed always gives the same corpus.
 */
export function generateCorpus(options: CorpusOptions = {}): CorpusDoc[] {
  const rng = createRng(options.seed ?? 20250417)
  const [min, max] = options.segments ?? [4, 16]
  const docs: CorpusDoc[] = []
  for (let d = 0; d < (options.docs ?? 400); d++) {
    const b = new DocBuilder()
    const n = rng.int(min, max)
    for (let i = 0; i < n; i++) {
      pickSegment(rng)(b, rng)
      if (i < n - 1) {
        if (rng.chance(0.6)) b.newline()
        else b.put(rng.pick(['，', '. ', '；', ' | ', '。 ']))
      }
    }
    const { text, lines } = b.finish()
    const start = Date.UTC(2025, 0, 1) + d * 3_600_000
    const chatExport = JSON.stringify({
      conversation: { id: `cid${d}`, title: `Matter ${d}`, type: 'group' },
      messages: lines.map((content, i) => ({
        msgId: `m${d}-${i}`,
        sender: { userId: `u${i % 3}`, name: ['陳大文', 'Amy Wong', '李小明'][i % 3] },
        time: new Date(start + i * 60_000).toISOString(),
        msgType: 'text',
        content,
      })),
    })
    docs.push({ id: `doc-${d}`, text, expected: b.expected, chatExport })
  }
  return docs
}

/** Precision and recall of one type. */
export interface TypeScore {
  type: SensitiveType
  expected: number
  found: number
  truePositives: number
  precision: number
  recall: number
}

/** Score findings against the labels: a hit is the same type at the same start and end. */
export function scoreCorpus(
  results: Array<{
    expected: readonly Expected[]
    found: ReadonlyArray<{ type: SensitiveType; start: number; end: number }>
  }>,
  types: readonly SensitiveType[],
): TypeScore[] {
  return types.map((type) => {
    let expected = 0
    let found = 0
    let tp = 0
    for (const r of results) {
      const want = new Set(r.expected.filter((e) => e.type === type).map((e) => `${e.start}:${e.end}`))
      const got = r.found.filter((f) => f.type === type)
      expected += want.size
      found += got.length
      for (const f of got) if (want.has(`${f.start}:${f.end}`)) tp++
    }
    return {
      type,
      expected,
      found,
      truePositives: tp,
      precision: found ? tp / found : 1,
      recall: expected ? tp / expected : 1,
    }
  })
}
