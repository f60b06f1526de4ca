import type { CalculateResult, PeriodDirection, PeriodUnit } from '@suite/domain'
import { reactive, shallowRef } from 'vue'
import type { AppDeps } from '@suite/app-kit'

/** The calculator form: what was typed stays after a failed request, so nothing is lost. */
export function useCalculator(api: AppDeps['api'], today: string) {
  const form = reactive({
    from: today,
    templateId: '' as string,
    period: 7,
    unit: 'days' as PeriodUnit,
    direction: 'after' as PeriodDirection,
    clear: false,
    ignoreShortPeriodRule: false,
  })
  const result = shallowRef<CalculateResult | null>(null)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)

  async function calculate(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      result.value = await api.courtCalendar.calculate(form.templateId
        ? { from: form.from, templateId: form.templateId }
        : { from: form.from, period: form.period, unit: form.unit, direction: form.direction, clear: form.clear, ignoreShortPeriodRule: form.ignoreShortPeriodRule })
    } catch (e) {
      error.value = e
      result.value = null
    } finally {
      loading.value = false
    }
  }

  return { form, result, loading, error, calculate }
}
