import type { CourtCalendarOptions } from '@suite/domain'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { AppDeps } from '@suite/app-kit'

/** The caller's cases, their lawyers and the courts used: shared by the filters and every form. */
export const useCourtOptionsStore = defineStore('court-options', () => {
  const options = shallowRef<CourtCalendarOptions | null>(null)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)

  const cases = computed(() => options.value?.cases ?? [])
  const lawyers = computed(() => options.value?.lawyers ?? [])
  const courts = computed(() => options.value?.courts ?? [])
  const editableCases = computed(() => cases.value.filter((c) => c.canEdit))
  const isAdmin = computed(() => options.value?.isAdmin ?? false)
  const lawyerName = (id: string) => lawyers.value.find((l) => l.id === id)?.name ?? id

  /** Load once (or again with `force`, after a change of cases). */
  async function load(api: AppDeps['api'], force = false): Promise<void> {
    if ((options.value && !force) || loading.value) return
    loading.value = true
    error.value = null
    try {
      options.value = await api.courtCalendar.options()
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  return { options, loading, error, cases, lawyers, courts, editableCases, isAdmin, lawyerName, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCourtOptionsStore, import.meta.hot))
