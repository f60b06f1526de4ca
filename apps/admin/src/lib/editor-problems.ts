import type { Locale } from '@suite/domain'
import type { BodyProblem } from './document-kinds'

/** The translate function of vue-i18n, as far as this module needs it. */
export interface Translate {
  t: (key: string, params?: Record<string, unknown>) => string
  te: (key: string) => boolean
}

/** A problem of the typed document in the reader's language: where (in words) and what is wrong. */
export interface ProblemText {
  where: string
  what: string
}

const P = 'editor.problem'

/** Field names the documents use, said in words (`editor.problem.keys.*`). */
function keyWords(segment: string, i18n: Translate): string {
  return i18n.te(`${P}.keys.${segment}`) ? i18n.t(`${P}.keys.${segment}`) : segment
}

/** `fields.3.label.en` → `欄位「相關案件編號」 › 標籤 › 英文`: list items by their own name where they have one. */
export function describePath(path: string, body: unknown, locale: Locale, i18n: Translate): string {
  if (path === '(json)') return i18n.t(`${P}.where.json`)
  if (path === '(root)' || path === '') return i18n.t(`${P}.where.root`)
  const parts: string[] = []
  let at: unknown = body
  let parent = ''
  for (const segment of path.split('.')) {
    const index = /^\d+$/.test(segment) ? Number(segment) : null
    const next = at && typeof at === 'object' ? (at as Record<string, unknown>)[segment] : undefined
    if (index !== null) {
      const item = (next ?? {}) as Record<string, unknown>
      const label = item.label as Record<string, unknown> | undefined
      const own = (label && typeof label[locale] === 'string' && label[locale]) || item.name || item.id
      if (parent === 'fields') parts[parts.length - 1] = i18n.t(`${P}.where.field`, { name: own || index + 1 })
      else if (parent === 'rules') parts[parts.length - 1] = i18n.t(`${P}.where.rule`, { name: own || index + 1 })
      else parts.push(i18n.t(`${P}.where.item`, { n: index + 1 }))
    } else parts.push(keyWords(segment, i18n))
    parent = segment
    at = next
  }
  return parts.join(' › ')
}

/** The value the path points at in the typed body (undefined when it is missing). */
function valueAt(body: unknown, path: string): unknown {
  if (path === '(root)' || path === '(json)') return body
  let at: unknown = body
  for (const segment of path.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[segment] : undefined
  return at
}

/** The server-side refinements' messages (English, for developers), and what they mean in words. */
const CUSTOM: Array<[RegExp, string]> = [
  [/^duplicate field name "(.*)"$/, 'duplicateField'],
  [/^"(.*)" is not a field declared before "(.*)"$/, 'fieldNotBefore'],
  [/^"(.*)" is not an option of "(.*)"$/, 'notAnOption'],
  [/^minLength is above maxLength$/, 'minAboveMax'],
  [/^min is above max$/, 'minAboveMax'],
  [/^pattern does not compile/, 'badPattern'],
  [/^not a real date$/, 'notARealDate'],
  [/^give exactly one of equals, in, notEmpty$/, 'oneCondition'],
  [/^category applies to keyword conditions only$/, 'categoryKeywordOnly'],
  [/^rule ids must be unique$/, 'duplicateRuleId'],
  [/^at most 120 months$/, 'atMostMonths'],
  [/^at most 522 weeks$/, 'atMostWeeks'],
  [/^clear days cannot be combined with months$/, 'clearWithMonths'],
  [/^only an "after" period of days/, 'anchorDayAfterOnly'],
]

/** What is wrong, in words, from zod's issue code and parameters (never its English message). */
export function describeProblem(p: BodyProblem, body: unknown, locale: Locale, i18n: Translate): ProblemText {
  const where = describePath(p.path, body, locale, i18n)
  const params = p.params ?? {}
  const n = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number))
  const type = (v: unknown) => (i18n.te(`${P}.types.${String(v)}`) ? i18n.t(`${P}.types.${String(v)}`) : String(v))
  const what = (): string => {
    switch (p.code) {
      case 'invalid_json':
        return i18n.t(`${P}.invalidJson`)
      case 'not_an_object':
        return i18n.t(`${P}.notAnObject`)
      case 'invalid_type':
        return valueAt(body, p.path) === undefined
          ? i18n.t(`${P}.required`)
          : i18n.t(`${P}.wrongType`, { expected: type(params.expected) })
      case 'too_small':
        if (params.origin === 'string')
          return n(params.minimum) <= 1 ? i18n.t(`${P}.empty`) : i18n.t(`${P}.tooShort`, { n: n(params.minimum) })
        if (params.origin === 'array' || params.origin === 'set') return i18n.t(`${P}.tooFew`, { n: n(params.minimum) })
        return i18n.t(`${P}.tooSmall`, { n: n(params.minimum) })
      case 'too_big':
        if (params.origin === 'string') return i18n.t(`${P}.tooLong`, { n: n(params.maximum) })
        if (params.origin === 'array' || params.origin === 'set')
          return i18n.t(`${P}.tooMany`, { n: n(params.maximum) })
        return i18n.t(`${P}.tooBig`, { n: n(params.maximum) })
      case 'invalid_format':
        return i18n.t(`${P}.badFormat`)
      case 'invalid_value':
        if (valueAt(body, p.path) === undefined) return i18n.t(`${P}.required`)
        return i18n.t(`${P}.oneOf`, {
          values: ((params.values as unknown[]) ?? []).map((v) => JSON.stringify(v)).join('、'),
        })
      case 'unrecognized_keys':
        return i18n.t(`${P}.unknownKeys`, { keys: ((params.keys as string[]) ?? []).join('、') })
      case 'invalid_union':
        return i18n.t(`${P}.noVariant`)
      case 'not_multiple_of':
        return i18n.t(`${P}.wholeNumber`)
      case 'custom': {
        for (const [re, key] of CUSTOM) {
          const m = re.exec(p.message)
          if (m) return i18n.t(`${P}.custom.${key}`, { a: m[1] ?? '', b: m[2] ?? '' })
        }
        return i18n.t(`${P}.other`)
      }
      default:
        return i18n.t(`${P}.other`)
    }
  }
  return { where, what: what() }
}
