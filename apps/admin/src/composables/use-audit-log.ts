import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { AdminUser, AuditListEntry, AuditVerification, Page } from '@suite/domain'
import { computed, reactive } from 'vue'

/** Filters of the audit search as the page edits them. */
export interface AuditFilters {
  /** A case number, case title or person's name, searched on the server. */
  q: string
  /** The person picked by name (their id). */
  actorId: string
  action: string
  caseId: string
  range: [string, string] | null
}

/** A person the actor filter offers: shown by name and department, chosen by id. */
export interface PersonOption {
  id: string
  name: string
  department: string | null
}

/**
 * The audit console's list, search, chain verification and export links. Filters stay as typed
 * when a load fails, so the person can retry.
 */
export function useAuditLog(api: Pick<ApiClient, 'audit'> & Partial<Pick<ApiClient, 'admin'>>) {
  const filters = reactive<AuditFilters>({ q: '', actorId: '', action: '', caseId: '', range: null })

  const query = () => ({
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.actorId.trim() ? { actorId: filters.actorId.trim() } : {}),
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.caseId.trim() ? { caseId: filters.caseId.trim() } : {}),
    ...(filters.range ? { from: filters.range[0], to: filters.range[1] } : {}),
    limit: 50,
  })

  const list = useLatestAsync(
    async (signal, more: boolean = false): Promise<Page<AuditListEntry>> => {
      const shown = list.state.value
      const page = await api.audit.list(
        { ...query(), ...(more && shown.nextCursor ? { cursor: shown.nextCursor } : {}) },
        { signal },
      )
      return more ? { items: [...shown.items, ...page.items], nextCursor: page.nextCursor } : page
    },
    { items: [], nextCursor: null },
    { immediate: false },
  )
  /** Walking the whole chain on the server. */
  const check = useLatestAsync((signal) => api.audit.verify({ signal }), null as AuditVerification | null, {
    immediate: false,
  })

  /** People whose name matches what was typed in the person filter (the firm's directory). */
  const people = useLatestAsync(
    async (signal, text: string = ''): Promise<PersonOption[]> => {
      if (!api.admin) return []
      const page = await api.admin.users.list({ ...(text.trim() ? { q: text.trim() } : {}), limit: 20 }, { signal })
      return page.items.map((u: AdminUser) => ({ id: u.id, name: u.name, department: u.department ?? null }))
    },
    [] as PersonOption[],
    { immediate: false },
  )
  /** Look people up for the person filter. */
  const findPeople = async (text: string): Promise<void> => {
    await people.runNow(text)
  }

  /** Load the first page (`more` = the next one). */
  const load = async (more = false): Promise<void> => {
    await list.runNow(more)
  }
  /** Walk the whole chain on the server. */
  const verify = async (): Promise<void> => {
    await check.runNow()
  }

  /** Download link of the export for the chosen window (the filter range, or the last 30 days). */
  function exportUrl(format: 'csv' | 'json', today: string, monthAgo: string): string {
    const [from, to] = filters.range ?? [monthAgo, today]
    return api.audit.exportUrl({ from, to, format })
  }

  return {
    filters,
    items: computed(() => list.state.value.items),
    nextCursor: computed(() => list.state.value.nextCursor),
    loading: list.loading,
    error: list.error,
    verification: check.state,
    verifying: check.loading,
    verifyError: check.error,
    people: people.state,
    findingPeople: people.loading,
    findPeople,
    load,
    verify,
    exportUrl,
  }
}
