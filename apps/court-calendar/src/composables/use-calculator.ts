import { useLatestAsync, type AppDeps } from '@suite/app-kit'
import type { CalculateResult, PeriodDirection, PeriodUnit } from '@suite/domain'
import { reactive } from 'vue'

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
  // Asking again before an answer came: only the newest answer is shown; a failed one shows no date.
  const {
    state: result,
    loading,
    error,
    runNow,
  } = useLatestAsync(
    () =>
      api.courtCalendar.calculate(
        form.templateId
          ? { from: form.from, templateId: form.templateId }
          : {
              from: form.from,
              period: form.period,
              unit: form.unit,
              direction: form.direction,
              clear: form.clear,
              ignoreShortPeriodRule: form.ignoreShortPeriodRule,
            },
      ),
    null as CalculateResult | null,
    {
      immediate: false,
      onError: () => {
        result.value = null
      },
    },
  )
  const calculate = async (): Promise<void> => {
    await runNow()
  }

  return { form, result, loading, error, calculate }
}
