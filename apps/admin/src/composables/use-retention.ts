import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import { MIN_AUDIT_RETENTION_DAYS, type AuditPurgeResult, type AuditRetention } from '@suite/domain'
import { shallowRef } from 'vue'

type Privileged = <T>(call: () => Promise<T>) => Promise<T>

/** Retention setting and purge; both go through `privileged` (step-up). */
export function useRetention(api: Pick<ApiClient, 'admin'>, privileged: Privileged) {
  const days = shallowRef<number>(MIN_AUDIT_RETENTION_DAYS)
  const {
    state: retention,
    loading,
    error,
    runNow,
  } = useLatestAsync((signal) => api.admin.audit.retention({ signal }), null as AuditRetention | null, {
    immediate: false,
    onSuccess: (r) => {
      if (r) days.value = r.retentionDays
    },
  })
  const saving = shallowRef(false)
  const lastPurge = shallowRef<AuditPurgeResult | null>(null)

  const load = async (): Promise<void> => {
    await runNow()
  }

  async function act<T>(call: () => Promise<T>): Promise<T | null> {
    saving.value = true
    error.value = null
    try {
      return await privileged(call)
    } catch (e) {
      error.value = e
      return null
    } finally {
      saving.value = false
    }
  }

  /** Save the typed number of days (kept as typed when refused). */
  async function save(): Promise<boolean> {
    const r = await act(() => api.admin.audit.setRetention({ retentionDays: days.value }))
    if (r) retention.value = r
    return !!r
  }

  /** Purge what is older than the retention; reloads the numbers after. */
  async function purge(): Promise<AuditPurgeResult | null> {
    const r = await act(() => api.admin.audit.purge())
    if (r) {
      lastPurge.value = r
      await load()
    }
    return r
  }

  return { retention, days, loading, saving, error, lastPurge, load, save, purge, min: MIN_AUDIT_RETENTION_DAYS }
}
