import { useLatestAsync, type AppDeps } from '@suite/app-kit'
import { addDays, type IsoDate } from '@suite/court-rules'
import type {
  AnchorEvent,
  CalculateResult,
  Deadline,
  DeadlineAnchor,
  Hearing,
  PastDueChoice,
  PeriodDirection,
  PeriodUnit,
  TriggerEvent,
} from '@suite/domain'
import { computed, reactive, shallowRef, watch } from 'vue'

/** "Record a new event" in the trigger list. */
export const NEW_TRIGGER = '__new'

/**
 * The new-deadline form: a rule template or a period from an anchor (a hearing, an event of
 * the case, or a date), or a fixed date. It previews the date (with its working) through the
 * server's calculator before saving, and keeps what was typed when saving fails.
 */
export function useDeadlineForm(
  api: AppDeps['api'],
  o: { today: IsoDate; userId: string | null; caseId?: string; hearingId?: string },
) {
  const form = reactive({
    caseId: o.caseId ?? '',
    title: '',
    mode: 'template' as 'template' | 'rule' | 'fixed',
    templateId: '',
    anchorType: (o.hearingId ? 'hearing' : 'date') as 'hearing' | 'trigger' | 'date',
    hearingId: o.hearingId ?? '',
    triggerId: '',
    newTriggerKind: 'writ_served' as Exclude<AnchorEvent, 'hearing'>,
    newTriggerDate: o.today,
    date: o.today,
    period: 14,
    unit: 'days' as PeriodUnit,
    direction: 'after' as PeriodDirection,
    clear: false,
    dueOn: o.today,
    lawyerIds: (o.userId ? [o.userId] : []) as string[],
    notes: '',
  })
  const hearings = shallowRef<Hearing[]>([])
  const triggers = shallowRef<TriggerEvent[]>([])
  const saving = shallowRef(false)
  const error = shallowRef<unknown>(null)

  async function loadCase(): Promise<void> {
    if (!form.caseId) {
      hearings.value = []
      triggers.value = []
      return
    }
    const [agenda, list] = await Promise.all([
      api.courtCalendar.agenda({ from: addDays(o.today, -180), to: addDays(o.today, 200), caseId: form.caseId }),
      api.courtCalendar.triggers.list(form.caseId),
    ])
    hearings.value = agenda.hearings
    triggers.value = list.filter((x) => x.status === 'active')
  }
  watch(
    () => form.caseId,
    () => {
      void loadCase().catch((e) => {
        error.value = e
      })
    },
    { immediate: true },
  )

  /** The date the period runs from, as the form stands. */
  const anchorDate = computed<IsoDate | null>(() => {
    if (form.anchorType === 'date') return form.date || null
    if (form.anchorType === 'hearing')
      return hearings.value.find((h) => h.id === form.hearingId)?.startsAt.slice(0, 10) ?? null
    if (form.triggerId === NEW_TRIGGER) return form.newTriggerDate || null
    return triggers.value.find((x) => x.id === form.triggerId)?.occurredOn ?? null
  })

  // The date as the form stands, worked out by the server: an older answer arriving late is dropped; a failure shows none.
  const {
    state: preview,
    loading: previewing,
    runNow: refreshPreview,
  } = useLatestAsync(
    async () => {
      const from = anchorDate.value
      if (form.mode === 'fixed' || !from || (form.mode === 'template' && !form.templateId)) return null
      return api.courtCalendar.calculate(
        form.mode === 'template'
          ? { from, templateId: form.templateId }
          : { from, period: form.period, unit: form.unit, direction: form.direction, clear: form.clear },
      )
    },
    null as CalculateResult | null,
    {
      immediate: false,
      onError: () => {
        preview.value = null
      },
    },
  )
  watch(
    () => [form.mode, form.templateId, form.period, form.unit, form.direction, form.clear, anchorDate.value],
    () => {
      void refreshPreview()
    },
  )

  const complete = computed(() =>
    Boolean(
      form.caseId &&
      form.title.trim() &&
      (form.mode === 'fixed' ? form.dueOn : anchorDate.value && (form.mode === 'rule' || form.templateId)),
    ),
  )

  /** The due date as the form stands (a computed one once the server worked it out). */
  const dueDate = computed<IsoDate | null>(() =>
    form.mode === 'fixed' ? form.dueOn || null : (preview.value?.deadline ?? null),
  )
  /** The due date is already past in Hong Kong: saving needs the creator to say done, missed or open. */
  const isPast = computed(() => Boolean(dueDate.value && dueDate.value < o.today))

  /**
   * Save (recording a new event first when asked); returns the deadline, or null when it failed.
   * `pastDue` says what to record when the date has already passed; without it the server
   * refuses such a date (see {@link needsPastChoice}).
   */
  async function save(pastDue?: PastDueChoice): Promise<Deadline | null> {
    saving.value = true
    error.value = null
    try {
      const common = {
        caseId: form.caseId,
        title: form.title.trim(),
        lawyerIds: form.lawyerIds,
        notes: form.notes.trim() || null,
        ...(pastDue ? { pastDue } : {}),
      }
      if (form.mode === 'fixed')
        return await api.courtCalendar.deadlines.create({ ...common, kind: 'fixed', dueOn: form.dueOn })
      let anchor: DeadlineAnchor
      if (form.anchorType === 'hearing') anchor = { type: 'hearing', hearingId: form.hearingId as never }
      else if (form.anchorType === 'date') anchor = { type: 'date', date: form.date }
      else {
        if (form.triggerId === NEW_TRIGGER) {
          const created = await api.courtCalendar.triggers.create({
            caseId: form.caseId,
            kind: form.newTriggerKind,
            occurredOn: form.newTriggerDate,
          })
          triggers.value = [created, ...triggers.value]
          form.triggerId = created.id
        }
        anchor = { type: 'trigger', triggerId: form.triggerId as never }
      }
      return await api.courtCalendar.deadlines.create(
        form.mode === 'template'
          ? { ...common, kind: 'computed', anchor, templateId: form.templateId }
          : {
              ...common,
              kind: 'computed',
              anchor,
              rule: { period: form.period, unit: form.unit, direction: form.direction, clear: form.clear },
            },
      )
    } catch (e) {
      error.value = e
      return null
    } finally {
      saving.value = false
    }
  }

  return { form, hearings, triggers, anchorDate, preview, previewing, saving, error, complete, dueDate, isPast, save }
}

/** The server refused a date already past because no choice was given (a 400 naming `past_due`). */
export function needsPastChoice(e: unknown): boolean {
  const fields = (e as { fields?: { code?: string }[] } | null)?.fields
  return Array.isArray(fields) && fields.some((f) => f.code === 'past_due')
}
