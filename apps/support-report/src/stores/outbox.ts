import type { ApiClient } from '@suite/api-client'
import { newIdempotencyKey } from '@suite/api-client'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { createIdbStore } from '../outbox/idb-store'
import { createOutbox, type Outbox, type OutboxDraft, type OutboxItem, type OutboxStore } from '../outbox/outbox'

/**
 * The reports on this device (IndexedDB) and their sending. Several pages show it: the home
 * page counts what waits, "My reports" lists it beside the server's answers.
 */
export const useOutboxStore = defineStore('outbox', () => {
  const items = shallowRef<OutboxItem[]>([])
  const outbox = shallowRef<Outbox | null>(null)
  /** Reports not yet acknowledged by the server. */
  const pending = computed(() => items.value.filter((i) => i.state !== 'sent'))

  /** Start sending with this api client (after sign-in); `store` is IndexedDB unless a test says otherwise. */
  function start(
    api: Pick<ApiClient, 'support'>,
    store: OutboxStore = createIdbStore(),
    target: EventTarget | undefined = typeof window === 'undefined' ? undefined : window,
  ): Promise<void> {
    outbox.value?.stop()
    const box = createOutbox({
      store,
      newKey: newIdempotencyKey,
      onChange: (next) => {
        items.value = next
      },
      transport: {
        upload: (b) => api.support.uploadAttachment(b),
        submit: (k, body) => api.support.submitReport(k, body),
      },
    })
    outbox.value = box
    return box.start(target)
  }

  function stop(): void {
    outbox.value?.stop()
    outbox.value = null
  }

  function required(): Outbox {
    if (!outbox.value) throw new Error('outbox not started')
    return outbox.value
  }

  const add = (draft: OutboxDraft) => required().add(draft)
  const retryNow = () => required().retryNow()
  const resend = (key: string, values?: Record<string, unknown>) => required().resend(key, values)
  const forget = (key: string) => required().forget(key)
  const firstAttempt = (key: string, waitMs: number, attemptsBefore?: number) =>
    required().firstAttempt(key, waitMs, attemptsBefore)

  return { items, outbox, pending, start, stop, add, retryNow, resend, forget, firstAttempt }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOutboxStore, import.meta.hot))
