import { z } from 'zod'
import type { Locale } from '@suite/domain'

/** The languages every label of a form carries, zh-HK first. */
export const FORM_LOCALES = ['zh-HK', 'zh-CN', 'en'] as const satisfies readonly Locale[]

/**
 * A text in the suite's three languages. All three are required: a form published without
 * one of them would show a blank label to part of the firm.
 */
export const LocalizedText = z
  .object({
    'zh-HK': z.string().trim().min(1).max(500),
    'zh-CN': z.string().trim().min(1).max(500),
    en: z.string().trim().min(1).max(500),
  })
  .strict()
export type LocalizedText = z.infer<typeof LocalizedText>

/** A longer localized text (help, descriptions). */
export const LocalizedLongText = z
  .object({
    'zh-HK': z.string().trim().min(1).max(2000),
    'zh-CN': z.string().trim().min(1).max(2000),
    en: z.string().trim().min(1).max(2000),
  })
  .strict()
export type LocalizedLongText = z.infer<typeof LocalizedLongText>

/**
 * Pick the text for `locale`. Falls back to zh-HK, then to any language present, so a text
 * that arrives partial (an old draft) still shows something.
 */
export function localize(text: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!text) return ''
  return text[locale] || text['zh-HK'] || text.en || text['zh-CN'] || ''
}
