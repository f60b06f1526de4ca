import type { ApiClient } from '@suite/api-client'
import type { AuditEntry, AuditVerification } from '@suite/domain'
import { reactive, shallowRef } from 'vue'

/** Filters of the audit search as the page edits them. */
export interface AuditFilters { actorId: string; action: string; caseId: string; range: [string, string] | null }

/**
 * The audit console's list, search, chain verification and export links. Filters stay as typed
 * when a load fails, so the person can retry.
 */
export function useAuditLog(api: Pick<ApiClient, 'audit'>) {
  const filters = reactive<AuditFilters>({ actorId: '', action: '', caseId: '', range: null })
  const items = shallowRef<AuditEntry[]>([])
  const nextCursor = shallowRef<string | null>(null)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const verification = shallowRef<AuditVerification | null>(null)
  const verifying = shallowRef(false)
  const verifyError = shallowRef<unknown>(null)

  const query = () => ({
    ...(filters.actorId.trim() ? { actorId: filters.actorId.trim() } : {}),
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.caseId.trim() ? { caseId: filters.caseId.trim() } : {}),
    ...(filters.range ? { from: filters.range[0], to: filters.range[1] } : {}),
    limit: 50,
  })

  /** Load the first page (`more` = the next one). */
  async function load(more = false): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const page = await api.audit.list({ ...query(), ...(more && nextCursor.value ? { cursor: nextCursor.value } : {}) })
      items.value = more ? [...items.value, ...page.items] : page.items
      nextCursor.value = page.nextCursor
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  /** Walk the whole chain on the server. */
  async function verify(): Promise<void> {
    verifying.value = true
    verifyError.value = null
    try {
      verification.value = await api.audit.verify()
    } catch (e) {
      verifyError.value = e
    } finally {
      verifying.value = false
    }
  }

  /** Download link of the export for the chosen window (the filter range, or the last 30 days). */
  function exportUrl(format: 'csv' | 'json', today: string, monthAgo: string): string {
    const [from, to] = filters.range ?? [monthAgo, today]
    return api.audit.exportUrl({ from, to, format })
  }

  return { filters, items, nextCursor, loading, error, verification, verifying, verifyError, load, verify, exportUrl }
}
