import { useLatestAsync, type AppDeps } from '@suite/app-kit'
import type { Hearing, HearingType } from '@suite/domain'
import { computed, reactive, shallowRef } from 'vue'

/** Hong Kong wall-clock date and time as an instant with the +08:00 offset. */
export const hkDateTime = (date: string, time: string) => `${date}T${time}:00+08:00`

/**
 * The hearing form (new or edit). What was typed is kept when saving fails, so a network
 * error never costs the person their input; field errors from the server are shown by field.
 */
export function useHearingForm(api: AppDeps['api'], o: { id: string | null; userId: string | null; caseId?: string }) {
  const form = reactive({
    caseId: o.caseId ?? '',
    courtCaseNumber: '',
    court: '',
    courtroom: '',
    judge: '',
    type: 'interlocutory' as HearingType,
    title: '',
    date: '',
    start: '09:30',
    end: '',
    lawyerIds: (o.userId ? [o.userId] : []) as string[],
    notes: '',
  })
  // The stored hearing fills the form; a failure to load shows where a failed save does.
  const { loading, error, runNow } = useLatestAsync(
    (signal, id: string) => api.courtCalendar.hearings.get(id, { signal }),
    null as Hearing | null,
    {
      immediate: false,
      onSuccess: (h) => {
        if (!h) return
        Object.assign(form, {
          caseId: h.caseId,
          courtCaseNumber: h.courtCaseNumber,
          court: h.court,
          courtroom: h.courtroom ?? '',
          judge: h.judge ?? '',
          type: h.type,
          title: h.title ?? '',
          date: h.startsAt.slice(0, 10),
          start: h.startsAt.slice(11, 16),
          end: h.endsAt ? h.endsAt.slice(11, 16) : '',
          lawyerIds: [...h.lawyerIds],
          notes: h.notes ?? '',
        })
      },
    },
  )
  const saving = shallowRef(false)
  const fieldErrors = computed<Record<string, string>>(() => {
    const fields = (error.value as { fields?: { path: string; message: string }[] } | null)?.fields ?? []
    return Object.fromEntries(fields.map((f) => [f.path.split('.')[0]!, f.message]))
  })
  const endBeforeStart = computed(() => Boolean(form.end && form.start && form.end <= form.start))
  const complete = computed(() =>
    Boolean(form.caseId && form.court.trim() && form.date && form.start && !endBeforeStart.value),
  )

  async function load(): Promise<void> {
    if (o.id) await runNow(o.id)
  }

  /** Save; returns the saved hearing, or null when it failed (the error is in `error`). */
  async function save(): Promise<Hearing | null> {
    saving.value = true
    error.value = null
    const common = {
      court: form.court.trim(),
      courtroom: form.courtroom.trim() || null,
      judge: form.judge.trim() || null,
      type: form.type,
      title: form.title.trim() || null,
      startsAt: hkDateTime(form.date, form.start),
      endsAt: form.end ? hkDateTime(form.date, form.end) : null,
      lawyerIds: form.lawyerIds,
      notes: form.notes.trim() || null,
      ...(form.courtCaseNumber.trim() ? { courtCaseNumber: form.courtCaseNumber.trim() } : {}),
    }
    try {
      return o.id
        ? await api.courtCalendar.hearings.update(o.id, common)
        : await api.courtCalendar.hearings.create({ caseId: form.caseId, ...common })
    } catch (e) {
      error.value = e
      return null
    } finally {
      saving.value = false
    }
  }

  return { form, loading, saving, error, fieldErrors, endBeforeStart, complete, load, save }
}
