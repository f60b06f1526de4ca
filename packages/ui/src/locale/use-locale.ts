import type { Locale } from '@suite/domain'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { applyLocale } from './create-suite-i18n'
import { DEFAULT_LOCALE, LOCALES, storeLocale } from './detect-locale'
import { ELEMENT_LOCALES } from './element-locales'

/**
 * The current language and the one way to change it. `setLocale` switches vue-i18n,
 * Element Plus (bind `elementLocale` to `<ElConfigProvider :locale>`), dayjs and the
 * date formatters together, sets `<html lang>` and remembers the choice in localStorage.
 * Call inside a component of an app that installed {@link createSuiteI18n}.
 */
export function useLocale() {
  const { locale: i18nLocale } = useI18n({ useScope: 'global' })
  const locale = computed<Locale>(() => LOCALES.find((l) => l === i18nLocale.value) ?? DEFAULT_LOCALE)
  const elementLocale = computed(() => ELEMENT_LOCALES[locale.value])

  function setLocale(next: Locale): void {
    i18nLocale.value = next
    applyLocale(next)
    storeLocale(next)
  }

  return { locale, locales: LOCALES, elementLocale, setLocale }
}
