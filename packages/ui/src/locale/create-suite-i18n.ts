import type { Locale } from '@suite/domain'
import { createI18n } from 'vue-i18n'
import { setDateLocale } from '../dates/date-locale'
import { browserLanguages, detectLocale, readStoredLocale } from './detect-locale'
import { SUITE_MESSAGES } from './messages'

/** A tree of messages: nested objects whose leaves are strings. */
export interface MessageTree {
  [key: string]: string | MessageTree
}

/** Options of {@link createSuiteI18n}. */
export interface SuiteI18nOptions {
  /** Start in this locale instead of the stored / browser one (tests, server-chosen locale). */
  locale?: Locale
}

function isTree(value: unknown): value is MessageTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Deep-merges `extra` into `base`; a key in `extra` wins. */
function mergeMessages(base: MessageTree, extra: MessageTree): MessageTree {
  const out: MessageTree = { ...base }
  for (const [key, value] of Object.entries(extra)) {
    const prev = out[key]
    out[key] = isTree(prev) && isTree(value) ? mergeMessages(prev, value) : value
  }
  return out
}

/**
 * Points everything outside vue-i18n at `locale`: the date formatters, dayjs' global
 * locale and `<html lang>` (screen readers and the CJK font stack in theme.css use it).
 */
export function applyLocale(locale: Locale): void {
  setDateLocale(locale)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/**
 * Builds the app's vue-i18n instance (Composition API mode): the suite's shared messages
 * (shell, states, sign-in, errors by code, roles, app names) merged with `appMessages`,
 * starting in the stored choice, else the browser language, else zh-HK; English fills gaps.
 *
 * @example
 * app.use(createSuiteI18n({ 'zh-HK': zhHK, 'zh-CN': zhCN, en }))
 */
export function createSuiteI18n(appMessages: Record<Locale, MessageTree>, options: SuiteI18nOptions = {}) {
  const locale = options.locale ?? detectLocale(readStoredLocale(), browserLanguages())
  const messages = {
    'zh-HK': mergeMessages(SUITE_MESSAGES['zh-HK'], appMessages['zh-HK']),
    'zh-CN': mergeMessages(SUITE_MESSAGES['zh-CN'], appMessages['zh-CN']),
    en: mergeMessages(SUITE_MESSAGES.en, appMessages.en),
  }
  applyLocale(locale)
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages })
}

/** The instance {@link createSuiteI18n} returns. */
export type SuiteI18n = ReturnType<typeof createSuiteI18n>
