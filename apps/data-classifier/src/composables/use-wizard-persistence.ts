import { del, get, set } from 'idb-keyval'
import { onScopeDispose, ref, toRaw, toValue, type MaybeRefOrGetter } from 'vue'
import type { WizardSource, WizardState } from '../lib/types'
import { useWizardStore } from '../stores/wizard'

/** Where the wizard is kept between visits. IndexedDB (idb-keyval) by default: it holds Files. */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
}

/** idb-keyval's default store. */
export const indexedDbStorage: KeyValueStorage = { get, set, del }

/**
 * A structured-clone-safe copy of the state: the Vue proxies taken off. Findings arrays are
 * kept raw in the store (never mutated), so they are shared, not copied.
 */
export function plainState(state: WizardState): WizardState {
  const sources = state.sources.map((s): WizardSource => {
    const raw = toRaw(s)
    return { ...raw, findings: toRaw(raw.findings), file: toRaw(raw.file) }
  })
  return {
    step: state.step,
    title: state.title,
    home: state.home,
    scannedAt: state.scannedAt,
    savedReportId: state.savedReportId,
    sources,
  }
}

const isState = (v: unknown): v is WizardState =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as WizardState).sources) &&
  typeof (v as WizardState).step === 'number'

/**
 * Keep the wizard across visits: load the saved state for `key` (one per signed-in user) once,
 * then save every change after `debounceMs`. Raw findings stay on this device; nothing here
 * touches the network.
 */
export function useWizardPersistence(options: {
  key: MaybeRefOrGetter<string>
  storage?: KeyValueStorage
  debounceMs?: number
}) {
  const store = useWizardStore()
  const storage = options.storage ?? indexedDbStorage
  const ready = ref(false)
  const failed = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null

  async function save(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    try {
      await storage.set(toValue(options.key), plainState(store.snapshot()))
    } catch {
      failed.value = true
    }
  }

  async function load(): Promise<void> {
    try {
      const saved = await storage.get(toValue(options.key))
      if (isState(saved)) store.restoreState(saved)
    } catch {
      failed.value = true
    } finally {
      ready.value = true
    }
  }

  // $subscribe fires on every change without walking the whole state (which can hold many sources).
  const stop = store.$subscribe(() => {
    if (!ready.value) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      void save()
    }, options.debounceMs ?? 400)
  })

  /** Forget the saved wizard (after "start over"). */
  async function clear(): Promise<void> {
    await storage.del(toValue(options.key)).catch(() => undefined)
  }

  onScopeDispose(() => {
    stop()
    if (timer) void save()
  })

  void load()
  return { ready, failed, flush: save, clear }
}
