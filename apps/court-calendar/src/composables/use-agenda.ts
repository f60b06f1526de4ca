import { useLatestAsync, type AppDeps } from '@suite/app-kit'
import type { IsoDate } from '@suite/court-rules'
import type { CourtAgenda } from '@suite/domain'
import { computed, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { flaggedIds, groupByDay, viewRange, type CalendarView } from '../lib/calendar-grid'

/** The filters of the calendar views. */
export interface AgendaFilters {
  caseId?: string
  lawyerId?: string
  court?: string
}

/**
 * The hearings and deadlines a view shows: loaded for the view's window and filters, again on
 * every change of either. An answer that arrives after a newer request is dropped.
 */
export function useAgenda(
  api: AppDeps['api'],
  o: {
    view: MaybeRefOrGetter<CalendarView>
    anchor: MaybeRefOrGetter<IsoDate>
    filters: MaybeRefOrGetter<AgendaFilters>
  },
) {
  const range = computed(() => viewRange(toValue(o.view), toValue(o.anchor)))

  const {
    state: agenda,
    loading,
    error,
    runNow,
  } = useLatestAsync(
    () => {
      const f = toValue(o.filters)
      return api.courtCalendar.agenda({
        ...range.value,
        ...(f.caseId ? { caseId: f.caseId } : {}),
        ...(f.lawyerId ? { lawyerId: f.lawyerId } : {}),
        ...(f.court ? { court: f.court } : {}),
      })
    },
    null as CourtAgenda | null,
    { immediate: false },
  )
  const load = async (): Promise<void> => {
    await runNow()
  }

  watch(
    () => [range.value.from, range.value.to, JSON.stringify(toValue(o.filters))],
    () => {
      void load()
    },
    { immediate: true },
  )

  const days = computed(() => (agenda.value ? groupByDay(agenda.value) : []))
  const flagged = computed(() => flaggedIds(agenda.value?.conflicts ?? []))
  const isEmpty = computed(() => !!agenda.value && !agenda.value.hearings.length && !agenda.value.deadlines.length)
  return { agenda, days, flagged, range, isEmpty, loading, error, load }
}
