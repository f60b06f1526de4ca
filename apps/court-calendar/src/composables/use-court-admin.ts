import { useLatestAsync, type AppDeps } from '@suite/app-kit'
import type { ClosureKind, CourtCalendarSettings, CourtClosure, CourtHolidayList, SyncOverview } from '@suite/domain'
import { reactive, shallowRef } from 'vue'

/**
 * Court calendar administration: holiday years and the Government file import, declared
 * warning days, the sync's quota and state, reminder settings. Each action reports what it
 * changed (how many deadlines moved) through its return value.
 */
export function useCourtAdmin(api: AppDeps['api']) {
  const holidays = shallowRef<CourtHolidayList | null>(null)
  const closures = shallowRef<CourtClosure[]>([])
  const sync = shallowRef<SyncOverview | null>(null)
  const settings = shallowRef<CourtCalendarSettings | null>(null)
  const holidayText = shallowRef('')
  const closureForm = reactive({ date: '', kind: 'black_rainstorm' as ClosureKind, note: '' })
  const busy = shallowRef(false)
  const { loading, error, runNow } = useLatestAsync(
    (signal) => {
      const { admin } = api.courtCalendar
      return Promise.all([
        admin.holidays({ signal }),
        admin.closures({ signal }),
        admin.sync({ signal }),
        admin.settings({ signal }),
      ])
    },
    null,
    {
      immediate: false,
      onSuccess: (all) => {
        if (all) [holidays.value, closures.value, sync.value, settings.value] = all
      },
    },
  )
  const load = async (): Promise<void> => {
    await runNow()
  }

  async function step<T>(fn: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = null
    try {
      const r = await fn()
      await load()
      return r
    } catch (e) {
      error.value = e
      return null
    } finally {
      busy.value = false
    }
  }

  return {
    holidays,
    closures,
    sync,
    settings,
    holidayText,
    closureForm,
    loading,
    busy,
    error,
    load,
    importHolidays: () =>
      step(async () => {
        const r = await api.courtCalendar.admin.importHolidays(holidayText.value)
        holidayText.value = ''
        return r
      }),
    declare: () =>
      step(() =>
        api.courtCalendar.admin.declare({
          date: closureForm.date,
          kind: closureForm.kind,
          note: closureForm.note.trim() || null,
        }),
      ),
    revokeClosure: (date: string) => step(() => api.courtCalendar.admin.revokeClosure(date)),
    resyncAll: () => step(() => api.courtCalendar.admin.resyncAll()),
    saveSettings: (s: CourtCalendarSettings) => step(() => api.courtCalendar.admin.saveSettings(s)),
  }
}
