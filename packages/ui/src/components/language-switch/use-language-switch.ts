import type { Locale } from '@suite/domain'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { localeMessageKey } from '../../locale/detect-locale'
import { useLocale } from '../../locale/use-locale'

/** The language switch's options (each named in its own language) and its accessible label. */
export function useLanguageSwitch() {
  const { t } = useI18n()
  const { locale, locales, setLocale } = useLocale()
  const options = computed(() =>
    locales.map((value) => ({
      value,
      name: t(`language.names.${localeMessageKey(value)}`),
      active: value === locale.value,
    })),
  )
  const short = computed(() => t(`language.short.${localeMessageKey(locale.value)}`))
  const label = computed(() => `${t('language.label')}: ${t(`language.names.${localeMessageKey(locale.value)}`)}`)
  const select = (value: Locale) => setLocale(value)
  return { options, short, label, select }
}
