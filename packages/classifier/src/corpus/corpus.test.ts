import { SENSITIVE_TYPES } from '@suite/domain'
import { describe, expect, it } from 'vitest'
import { extractChatExport } from '../extract/chat-export'
import { scanText } from '../scan'
import { FILLER, generateCorpus, scoreCorpus } from './index'

// Three seeds, so a rule tuned to one draw of the generator does not pass by luck.
const corpus = [20250417, 42, 99].flatMap((seed) => generateCorpus({ seed, docs: 600 }))

describe('labelled corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateCorpus({ seed: 7, docs: 5 })).toEqual(generateCorpus({ seed: 7, docs: 5 }))
    expect(generateCorpus({ seed: 8, docs: 5 })[0]!.text).not.toBe(generateCorpus({ seed: 7, docs: 5 })[0]!.text)
  })

  it('covers every type, emoji, full-width forms and invalid look-alikes', () => {
    const all = corpus.map((d) => d.text).join('\n')
    for (const t of SENSITIVE_TYPES) expect(corpus.some((d) => d.expected.some((e) => e.type === t))).toBe(true)
    expect(all).toMatch(/\p{Extended_Pictographic}/u)
    expect(all).toMatch(/（\d）/)
    expect(all).toMatch(/[\uFF10-\uFF19]{6}/)
    expect(all).toMatch(/ORD-\d+/)
  })

  it('has filler lines that hold no finding at all', () => {
    for (const line of FILLER) expect(scanText(line), line).toEqual([])
  })

  it('reaches precision and recall of at least 0.99 per type', () => {
    const results = corpus.map((d) => ({ expected: d.expected, found: scanText(d.text) }))
    const scores = scoreCorpus(results, SENSITIVE_TYPES)
    const rows = scores.map(
      (s) =>
        `${s.type.padEnd(12)} expected ${String(s.expected).padStart(5)}  found ${String(s.found).padStart(5)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}`,
    )
    console.info(
      `corpus: ${corpus.length} documents, ${corpus.reduce((a, d) => a + d.text.length, 0)} characters\n${rows.join('\n')}`,
    )
    for (const s of scores) {
      expect(s.expected, `${s.type} has labels`).toBeGreaterThan(20)
      expect(s.precision, `${s.type} precision`).toBeGreaterThanOrEqual(0.99)
      expect(s.recall, `${s.type} recall`).toBeGreaterThanOrEqual(0.99)
    }
  })

  it('finds the same spans in the chat-export form of each document', () => {
    for (const d of corpus.slice(0, 100)) {
      const text = extractChatExport(d.chatExport)
      expect(text).toBe(d.text)
    }
  })
})
