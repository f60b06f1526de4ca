import type { KeywordCategory } from '@suite/domain'
import type { Candidate } from '../types'
import { KEYWORDS, wordKey, wordsRegex } from '../words'

const CATEGORY_OF = new Map<string, KeywordCategory>()
for (const [category, words] of Object.entries(KEYWORDS) as Array<[KeywordCategory, readonly string[]]>) {
  for (const w of words) CATEGORY_OF.set(wordKey(w), category)
}
const KEYWORD = wordsRegex(CATEGORY_OF.keys())

/** Find keywords of every category in one pass; `folded` is the width-folded text. */
export function detectKeywords(folded: string, out: Candidate[]): void {
  KEYWORD.lastIndex = 0
  for (let m = KEYWORD.exec(folded); m; m = KEYWORD.exec(folded)) {
    const category = CATEGORY_OF.get(wordKey(m[0]))
    if (category) out.push({ type: 'keyword', start: m.index, end: m.index + m[0].length, base: 0.8, category })
  }
}
