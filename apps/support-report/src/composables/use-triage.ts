import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { ReportStatus, TriageAction, TriageGroup, TriageList } from '@suite/domain'
import { computed, shallowRef, watch } from 'vue'

/**
 * The triage console's state: the queue with its filters, the selected reports and the bulk
 * actions on them. The console re-reads the queue after every action.
 */
export function useTriage(api: Pick<ApiClient, 'support'>) {
  const status = shallowRef<ReportStatus | ''>('new')
  const q = shallowRef('')
  const selected = shallowRef<Set<string>>(new Set())
  const acting = shallowRef(false)

  const query = computed(() => ({
    ...(status.value ? { status: status.value } : {}),
    ...(q.value.trim() ? { q: q.value.trim() } : {}),
  }))

  // The queue for the filters; a filter changed as an older answer arrives shows only the newer one.
  const {
    state: queue,
    loading,
    error,
    run,
    runNow,
  } = useLatestAsync(() => api.support.triage(query.value), { groups: [], total: 0 } as TriageList, {
    immediate: false,
    debounceMs: 250,
    onSuccess: (list) => {
      // Reports no longer in the queue cannot stay selected.
      const ids = new Set<string>(list.groups.flatMap((g) => g.reports.map((r) => r.id)))
      selected.value = new Set([...selected.value].filter((id) => ids.has(id)))
    },
  })
  const groups = computed(() => queue.value.groups)
  const total = computed(() => queue.value.total)
  const load = async (): Promise<void> => {
    await runNow()
  }
  watch(query, () => {
    void run()
  })

  function toggle(id: string, on: boolean): void {
    const next = new Set(selected.value)
    if (on) next.add(id)
    else next.delete(id)
    selected.value = next
  }
  function toggleGroup(g: TriageGroup, on: boolean): void {
    const next = new Set(selected.value)
    for (const r of g.reports)
      if (on) next.add(r.id)
      else next.delete(r.id)
    selected.value = next
  }

  /** Run an action on the selected reports; resolves with the server's counts. */
  async function act(action: Omit<TriageAction, 'reportIds'> & Record<string, unknown>) {
    acting.value = true
    try {
      const result = await api.support.triageAction({ ...action, reportIds: [...selected.value] } as TriageAction)
      await load()
      return result
    } finally {
      acting.value = false
    }
  }

  const exportUrl = computed(() => api.support.triageExportUrl(query.value))
  return { status, q, groups, total, loading, error, selected, acting, load, toggle, toggleGroup, act, exportUrl }
}
