import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { KeyValueStorage } from '../composables/use-wizard-persistence'
import type { StoredFinding } from '../lib/types'
import { scanItem } from '../workers/scan-job'

/** A fresh Pinia, made active, for a test (fill the wizard's store, then mount with it). */
export function freshPinia(): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

/** An in-memory stand-in for IndexedDB. */
export function memoryStorage(): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => {
      data.set(k, structuredClone(v))
    },
    del: async (k) => {
      data.delete(k)
    },
  }
}

/** Findings of a text, as the worker would send them. */
export async function findingsOf(text: string): Promise<StoredFinding[]> {
  return (await scanItem({ sourceId: 'x', name: 'x.txt', kind: 'pasted', file: null, text })).findings
}

/** Wait for pending promises and Vue updates. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}
