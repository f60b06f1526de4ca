import { createStore, del, set, values, type UseStore } from 'idb-keyval'
import type { OutboxItem, OutboxStore } from './outbox'

/**
 * The outbox in IndexedDB (`suite-support-report` / `outbox`). Blobs of screenshots are stored
 * as they are: IndexedDB keeps them across reloads and offline.
 */
export function createIdbStore(dbName = 'suite-support-report', storeName = 'outbox'): OutboxStore {
  let store: UseStore | null = null
  const db = () => (store ??= createStore(dbName, storeName))
  return {
    list: () => values<OutboxItem>(db()),
    put: (item) => set(item.key, item, db()),
    remove: (key) => del(key, db()),
  }
}
