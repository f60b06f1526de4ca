import { SUITE_LOCALES, type Locale } from '@suite/domain'

/** The suite's locales in the order the language switch lists them. */
export const LOCALES: readonly Locale[] = SUITE_LOCALES

/** localStorage key of the user's explicit language choice. */
export const LOCALE_STORAGE_KEY = 'suite.locale'

/** Locale used when nothing else decides: the firms are in Hong Kong. */
export const DEFAULT_LOCALE: Locale = 'zh-HK'

/**
 * Maps a BCP 47 tag (`navigator.language`) to a suite locale: Simplified Chinese
 * (`zh-CN`, `zh-SG`, `zh-Hans-*`) to zh-CN, any other Chinese to zh-HK, English to en.
 * Returns null for anything else.
 */
export function localeFromLanguageTag(tag: string): Locale | null {
  const t = tag.trim().toLowerCase().replace(/_/g, '-')
  if (/^zh-(?:cn|sg|hans)(?:-|$)/.test(t)) return 'zh-CN'
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-HK'
  if (t === 'en' || t.startsWith('en-')) return 'en'
  return null
}

/**
 * The locale to start in: a stored explicit choice, else the first browser language
 * that maps to a suite locale, else zh-HK.
 */
export function detectLocale(stored: string | null | undefined, languages: readonly string[]): Locale {
  const saved = LOCALES.find((locale) => locale === stored)
  if (saved) return saved
  for (const tag of languages) {
    const locale = localeFromLanguageTag(tag)
    if (locale) return locale
  }
  return DEFAULT_LOCALE
}

/** Reads the stored choice; storage can throw in some webviews' private modes. */
export function readStoredLocale(): string | null {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

/** Saves an explicit choice; a storage failure only costs persistence. */
export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Private mode or quota: the choice lasts for this page only.
  }
}

/** The browser's preferred languages, empty outside a browser. */
export function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator
  if (!nav) return []
  return nav.languages?.length ? nav.languages : [nav.language].filter(Boolean)
}

/** Key of a locale inside message objects (`language.names.zhHK`): vue-i18n paths avoid `-`. */
export function localeMessageKey(locale: Locale): 'zhHK' | 'zhCN' | 'en' {
  return locale === 'zh-HK' ? 'zhHK' : locale === 'zh-CN' ? 'zhCN' : 'en'
}
