import type { Locale, RuleTemplate } from '@suite/domain'
import { shallowRef, toValue, type MaybeRefOrGetter } from 'vue'
import type { AppDeps } from '@suite/app-kit'

/** The rule templates (for the calculator and the deadline form), named in the current language. */
export function useTemplates(api: AppDeps['api'], locale: MaybeRefOrGetter<string>) {
  const templates = shallowRef<RuleTemplate[]>([])
  const error = shallowRef<unknown>(null)
  const nameOf = (tpl: RuleTemplate) => tpl.name[toValue(locale) as Locale] ?? tpl.name.en
  async function load(): Promise<void> {
    error.value = null
    try {
      templates.value = await api.courtCalendar.templates.list()
    } catch (e) {
      error.value = e
    }
  }
  void load()
  return { templates, error, nameOf, load }
}
