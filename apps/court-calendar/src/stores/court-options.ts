import { useLatestAsync, type AppDeps } from '@suite/app-kit'
import type { CourtCalendarOptions } from '@suite/domain'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'

/** The caller's cases, their lawyers and the courts used: shared by the filters and every form. */
export const useCourtOptionsStore = defineStore('court-options', () => {
  const {
    state: options,
    loading,
    error,
    runNow,
  } = useLatestAsync(
    (signal, api: AppDeps['api']) => api.courtCalendar.options({ signal }),
    null as CourtCalendarOptions | null,
    { immediate: false },
  )

  const cases = computed(() => options.value?.cases ?? [])
  const lawyers = computed(() => options.value?.lawyers ?? [])
  const courts = computed(() => options.value?.courts ?? [])
  const editableCases = computed(() => cases.value.filter((c) => c.canEdit))
  const isAdmin = computed(() => options.value?.isAdmin ?? false)
  const lawyerName = (id: string) => lawyers.value.find((l) => l.id === id)?.name ?? id

  /** Load once (or again with `force`, after a change of cases). */
  async function load(api: AppDeps['api'], force = false): Promise<void> {
    if ((options.value && !force) || loading.value) return
    await runNow(api)
  }

  return { options, loading, error, cases, lawyers, courts, editableCases, isAdmin, lawyerName, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCourtOptionsStore, import.meta.hot))
