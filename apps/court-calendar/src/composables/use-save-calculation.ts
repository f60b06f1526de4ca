import type { AppDeps } from '@suite/app-kit'
import type { CalculateResult, Deadline, PastDueChoice } from '@suite/domain'
import { computed, reactive, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'

/**
 * "Save as deadline" after a calculation: the computed date becomes a deadline of a chosen case,
 * running from the date the calculation started from by the same rule (or template), so its
 * working is kept. A date already past needs the creator's word (done, missed or open).
 */
export function useSaveCalculation(
  api: AppDeps['api'],
  o: { result: MaybeRefOrGetter<CalculateResult | null>; today: string },
) {
  const form = reactive({ caseId: '', title: '' })
  const saving = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const isPast = computed(() => {
    const r = toValue(o.result)
    return Boolean(r && r.deadline < o.today)
  })
  const complete = computed(() => Boolean(toValue(o.result) && form.caseId && form.title.trim()))

  /** Save; returns the deadline, or null when it failed (what was typed stays). */
  async function save(pastDue?: PastDueChoice): Promise<Deadline | null> {
    const r = toValue(o.result)
    if (!r) return null
    saving.value = true
    error.value = null
    try {
      const common = {
        caseId: form.caseId,
        title: form.title.trim(),
        kind: 'computed' as const,
        anchor: { type: 'date' as const, date: r.from },
        ...(pastDue ? { pastDue } : {}),
      }
      return await api.courtCalendar.deadlines.create(
        r.templateId ? { ...common, templateId: r.templateId } : { ...common, rule: r.rule },
      )
    } catch (e) {
      error.value = e
      return null
    } finally {
      saving.value = false
    }
  }

  return { form, saving, error, isPast, complete, save }
}
