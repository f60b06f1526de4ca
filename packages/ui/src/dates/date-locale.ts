import type { Locale } from '@suite/domain'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/zh-hk'
import { shallowRef } from 'vue'

/**
 * The date locale, apart from the formatters: every app sets it at start (`createSuiteI18n`),
 * but not every first screen formats a date, so the dayjs plugins the formatters need
 * (utc, timezone, relativeTime) stay in `format.ts` and load with the first page that does.
 */

/** dayjs' name of each suite locale. */
export const DAYJS_LOCALES: Record<Locale, string> = { 'zh-HK': 'zh-hk', 'zh-CN': 'zh-cn', en: 'en' }

/**
 * Locale of the formatters. A ref, so templates that format dates re-render when
 * the language changes; `useLocale().setLocale` updates it.
 */
export const dateLocale = shallowRef<Locale>('zh-HK')

/** Sets the formatters' locale and dayjs' global locale (used by Element Plus pickers). */
export function setDateLocale(locale: Locale): void {
  dateLocale.value = locale
  dayjs.locale(DAYJS_LOCALES[locale])
}

/** The formatters' current locale. */
export function getDateLocale(): Locale {
  return dateLocale.value
}
