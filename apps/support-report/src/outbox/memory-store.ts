import type { OutboxItem, OutboxStore } from './outbox'

/**
 * An outbox store in memory, for tests: it survives a new outbox instance (a simulated reload)
 * the way IndexedDB survives a real one.
 */
export function createMemoryStore(): OutboxStore & { raw: Map<string, OutboxItem> } {
  const raw = new Map<string, OutboxItem>()
  return {
    raw,
    async list() {
      return [...raw.values()].map((i) => ({
        ...i,
        values: structuredClone(i.values),
        files: i.files.map((f) => ({ ...f })),
      }))
    },
    async put(item) {
      raw.set(item.key, { ...item, values: structuredClone(item.values), files: item.files.map((f) => ({ ...f })) })
    },
    async remove(key) {
      raw.delete(key)
    },
  }
}
