import type { Locale } from '@suite/domain'
import { computed, inject, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { applyLocale } from './create-suite-i18n'
import { DEFAULT_LOCALE, LOCALES, storeLocale } from './detect-locale'
import { ELEMENT_LOCALES } from './element-locales'

/**
 * Where an app that fetches its messages one language at a time (the app kernel) provides the
 * fetch: `setLocale` waits for the new language's messages, so the page switches in one step.
 */
export const LOCALE_MESSAGES: InjectionKey<(locale: Locale) => Promise<void>> = Symbol('suite-locale-messages')

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

  const loadMessages = inject(LOCALE_MESSAGES, null)

  function switchTo(next: Locale): void {
    i18nLocale.value = next
    applyLocale(next)
    storeLocale(next)
  }

  function setLocale(next: Locale): void {
    if (!loadMessages) return switchTo(next)
    // Switch once the app's messages are here; if they cannot come, switch anyway (shared texts are there).
    void loadMessages(next).then(
      () => switchTo(next),
      () => switchTo(next),
    )
  }

  return { locale, locales: LOCALES, elementLocale, setLocale }
}
