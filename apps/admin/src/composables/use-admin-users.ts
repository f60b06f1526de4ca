import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { AdminUser, DirectorySyncResult, EnrolmentCode, InternalRole, Page } from '@suite/domain'
import { computed, reactive, shallowRef } from 'vue'

type Privileged = <T>(call: () => Promise<T>) => Promise<T>

/** A set-up code just issued, with whom it is for; shown once. */
export interface IssuedEnrolmentCode extends EnrolmentCode {
  name: string
}

/** The users and roles screen: search, directory sync, role change, (de)activation, set-up codes. */
export function useAdminUsers(api: Pick<ApiClient, 'admin'>, privileged: Privileged) {
  const filters = reactive({ q: '', status: 'all' as 'all' | 'active' | 'inactive' })
  const list = useLatestAsync(
    async (signal, more: boolean = false): Promise<Page<AdminUser>> => {
      const shown = list.state.value
      const page = await api.admin.users.list(
        {
          ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
          status: filters.status,
          limit: 100,
          ...(more && shown.nextCursor ? { cursor: shown.nextCursor } : {}),
        },
        { signal },
      )
      return more ? { items: [...shown.items, ...page.items], nextCursor: page.nextCursor } : page
    },
    { items: [], nextCursor: null },
    { immediate: false },
  )
  const items = computed(() => list.state.value.items)
  const busyId = shallowRef<string | null>(null)
  const actionError = shallowRef<unknown>(null)
  const lastSync = shallowRef<DirectorySyncResult | null>(null)
  const issued = shallowRef<IssuedEnrolmentCode | null>(null)

  const load = async (more = false): Promise<void> => {
    await list.runNow(more)
  }

  const replace = (u: AdminUser) => {
    list.state.value = { ...list.state.value, items: items.value.map((x) => (x.id === u.id ? u : x)) }
  }

  async function act<T>(id: string, call: () => Promise<T>): Promise<T | null> {
    busyId.value = id
    actionError.value = null
    try {
      return await call()
    } catch (e) {
      actionError.value = e
      return null
    } finally {
      busyId.value = null
    }
  }

  const setRole = async (id: string, role: InternalRole) => {
    const u = await act(id, () => privileged(() => api.admin.users.setRole(id, role)))
    if (u) replace(u)
    return !!u
  }
  const deactivate = async (id: string) => {
    const r = await act(id, () => api.admin.users.deactivate(id))
    if (r) replace(r.user)
    return r
  }
  const reactivate = async (id: string) => {
    const u = await act(id, () => privileged(() => api.admin.users.reactivate(id)))
    if (u) replace(u)
    return !!u
  }
  const resetSecondFactor = async (id: string) => {
    const u = await act(id, () => privileged(() => api.admin.users.resetSecondFactor(id)))
    if (u) replace(u)
    return !!u
  }
  /** A one-time set-up code for someone's authenticator (IT administrators; step-up), kept in `issued` to show once. */
  async function issueEnrolmentCode(user: AdminUser): Promise<boolean> {
    const c = await act(user.id, () => privileged(() => api.admin.users.issueEnrolmentCode(user.id)))
    if (c) issued.value = { ...c, name: user.name }
    return !!c
  }
  async function sync(): Promise<DirectorySyncResult | null> {
    const r = await act('sync', () => api.admin.users.syncDirectory())
    if (r) {
      lastSync.value = r
      await load()
    }
    return r
  }

  return {
    filters,
    items,
    nextCursor: computed(() => list.state.value.nextCursor),
    loading: list.loading,
    error: list.error,
    busyId,
    actionError,
    lastSync,
    issued,
    load,
    setRole,
    deactivate,
    reactivate,
    resetSecondFactor,
    issueEnrolmentCode,
    sync,
  }
}
