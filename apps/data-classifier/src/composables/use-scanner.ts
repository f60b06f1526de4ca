import { computed, onScopeDispose, ref, toRaw } from 'vue'
import type { ScanItem, ScanMessage, ScanRequest } from '../workers/scan-job'
import { useWizardStore } from '../stores/wizard'

/** What the scanner needs of a Worker (tests pass a fake). */
export interface ScanWorker {
  postMessage(message: ScanRequest): void
  terminate(): void
  onmessage: ((e: MessageEvent<ScanMessage>) => void) | null
  onerror: ((e: ErrorEvent) => void) | null
}

/** The real worker: Vite bundles `scan.worker.ts` as a module worker. */
export const createScanWorker = (): ScanWorker =>
  new Worker(new URL('../workers/scan.worker.ts', import.meta.url), { type: 'module' }) as unknown as ScanWorker

/**
 * Scan the wizard's sources in a Web Worker, file by file, with progress; `cancel` stops at
 * once (the worker is terminated) and leaves the rest marked cancelled, to scan again later.
 */
export function useScanner(options: { createWorker?: () => ScanWorker } = {}) {
  const store = useWizardStore()
  const create = options.createWorker ?? createScanWorker
  const running = ref(false)
  const total = ref(0)
  const finished = ref(0)
  const currentId = ref<string | null>(null)
  let worker: ScanWorker | null = null
  let jobId = 0
  let queue: string[] = []

  const percent = computed(() => (total.value ? Math.round((finished.value / total.value) * 100) : 0))
  const current = computed(() => store.sources.find((s) => s.id === currentId.value) ?? null)

  function stopWorker(): void {
    worker?.terminate()
    worker = null
  }

  function onMessage(m: ScanMessage): void {
    if (m.jobId !== jobId) return
    if (m.type === 'progress') {
      currentId.value = m.sourceId
      store.markScanning(m.sourceId)
    } else if (m.type === 'result' || m.type === 'failed') {
      if (m.type === 'result') store.setResult(m.sourceId, m.findings, m.chars)
      else store.setFailed(m.sourceId, m.error)
      queue = queue.filter((id) => id !== m.sourceId)
      finished.value++
    } else {
      running.value = false
      currentId.value = null
    }
  }

  /** Scan every source not yet scanned (pending or cancelled), or the given ones. */
  function start(ids?: readonly string[]): void {
    if (running.value) return
    const targets = store.sources.filter((s) =>
      ids ? ids.includes(s.id) : s.status === 'pending' || s.status === 'cancelled',
    )
    if (!targets.length) return
    const items: ScanItem[] = targets.map((s) => ({
      sourceId: s.id,
      name: s.name,
      kind: s.kind,
      file: toRaw(s.file),
      text: s.text,
    }))
    queue = targets.map((s) => s.id)
    total.value = targets.length
    finished.value = 0
    running.value = true
    worker ??= create()
    worker.onmessage = (e) => onMessage(e.data)
    worker.onerror = () => {
      for (const id of queue) store.setFailed(id, 'worker_failed')
      queue = []
      running.value = false
      stopWorker()
    }
    worker.postMessage({ jobId: ++jobId, items })
  }

  function cancel(): void {
    if (!running.value) return
    stopWorker()
    jobId++
    store.markCancelled(queue)
    queue = []
    running.value = false
    currentId.value = null
  }

  onScopeDispose(stopWorker)
  return { running, total, finished, percent, current, start, cancel }
}
