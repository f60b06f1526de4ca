import { isIsoDate, type IsoDate } from '@suite/court-rules'
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { VIEWS, todayInHongKong, type CalendarView } from '../lib/calendar-grid'
import type { AgendaFilters } from './use-agenda'

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined)

/**
 * The calendar's view, anchor date and filters, kept in the URL's query so a link (or the
 * back button) brings the same view back. Defaults: the agenda from today (Hong Kong).
 */
export function useCalendarQuery(now: () => Date) {
  const route = useRoute()
  const router = useRouter()
  const set = (patch: Record<string, string | undefined>) => {
    const query = { ...route.query, ...patch }
    for (const k of Object.keys(query)) if (query[k] === undefined || query[k] === '') delete query[k]
    void router.replace({ query })
  }
  const view = computed<CalendarView>({
    get: () =>
      (VIEWS as readonly string[]).includes(String(route.query.view)) ? (route.query.view as CalendarView) : 'agenda',
    set: (v) => set({ view: v }),
  })
  const anchor = computed<IsoDate>({
    get: () => (isIsoDate(route.query.date) ? route.query.date : todayInHongKong(now())),
    set: (d) => set({ date: d }),
  })
  const filters = computed<AgendaFilters>({
    get: () => ({
      caseId: str(route.query.caseId),
      lawyerId: str(route.query.lawyerId),
      court: str(route.query.court),
    }),
    set: (f) => set({ caseId: f.caseId, lawyerId: f.lawyerId, court: f.court }),
  })
  return { view, anchor, filters, today: () => todayInHongKong(now()) }
}
