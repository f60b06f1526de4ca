import { useLatestAsync } from '@suite/app-kit'
import type { CaseAction, CaseDetail, Tier } from '@suite/domain'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import type { CaseRoomApi } from '../api'

/**
 * The case that is open, shared by the case page, the document page and the dialogs: its
 * detail and what the caller may do in it, exactly as the server decided.
 */
export const useCaseRoomStore = defineStore('case-room', () => {
  const {
    state: detail,
    loading,
    error,
    runNow,
  } = useLatestAsync(
    (signal, api: Pick<CaseRoomApi, 'caseRoom'>, caseId: string) => api.caseRoom.get(caseId, { signal }),
    null as CaseDetail | null,
    { immediate: false },
  )

  const visibleTiers = computed<Tier[]>(() => detail.value?.me.visibleTiers ?? [])
  const internal = computed(() => detail.value?.me.internal ?? false)

  /** True when the server allows `action` on `tier` for the caller. */
  function can(tier: Tier, action: CaseAction): boolean {
    return detail.value?.me.actions[tier]?.includes(action) ?? false
  }

  /** Load (or reload) a case; an older answer arriving late is ignored. */
  async function open(api: Pick<CaseRoomApi, 'caseRoom'>, caseId: string): Promise<void> {
    if (detail.value?.id !== caseId) detail.value = null
    await runNow(api, caseId)
  }

  function set(next: CaseDetail): void {
    detail.value = next
  }

  return { detail, loading, error, visibleTiers, internal, can, open, set }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCaseRoomStore, import.meta.hot))
