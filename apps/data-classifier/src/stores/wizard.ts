import type { DataLabel, HomeJurisdiction, LabelPolicy, SourceKind, SourceReach, StorageLocation } from '@suite/domain'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { DismissReason, StoredFinding, WizardSource, WizardState } from '../lib/types'
import { STEPS } from '../lib/types'

let counter = 0
const newId = (): string => `src-${Date.now().toString(36)}-${(counter++).toString(36)}`

/** A fresh source with the defaults of steps 4 and 5. */
function makeSource(p: {
  name: string
  kind: SourceKind
  size: number
  file?: File | null
  text?: string | null
}): WizardSource {
  return {
    id: newId(),
    name: p.name,
    kind: p.kind,
    size: p.size,
    file: p.file ?? null,
    text: p.text ?? null,
    status: 'pending',
    error: null,
    findings: [],
    chars: 0,
    label: null,
    justification: '',
    storedIn: 'hong_kong',
    reach: 'internal',
  }
}

/**
 * The wizard's state: sources, their findings (raw positions, masked values; on this device
 * only), review decisions, labels and the data-flow answers. Persisted by `useWizardPersistence`.
 */
export const useWizardStore = defineStore('wizard', () => {
  const step = ref(0)
  const title = ref('')
  const home = ref<HomeJurisdiction>('hong_kong')
  const sources = ref<WizardSource[]>([])
  const scannedAt = ref<string | null>(null)
  const savedReportId = ref<string | null>(null)
  /** The label policy in force and its version (0 = built-in), from the backend. */
  const policy = shallowRef<LabelPolicy>(DEFAULT_LABEL_POLICY)
  const policyVersion = ref(0)

  const scanned = computed(() => sources.value.filter((s) => s.status === 'done'))
  const lastStep = STEPS.length - 1

  const find = (id: string): WizardSource | undefined => sources.value.find((s) => s.id === id)

  function addFiles(files: Iterable<File>): void {
    for (const f of files) {
      const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name
      sources.value.push(makeSource({ name, kind: 'file', size: f.size, file: f }))
    }
    savedReportId.value = null
  }

  function addText(text: string, kind: 'pasted' | 'chat_export', name: string): void {
    sources.value.push(makeSource({ name, kind, size: new TextEncoder().encode(text).length, text }))
    savedReportId.value = null
  }

  function removeSource(id: string): void {
    sources.value = sources.value.filter((s) => s.id !== id)
  }

  function markScanning(id: string): void {
    const s = find(id)
    if (s) {
      s.status = 'scanning'
      s.error = null
    }
  }

  function setResult(id: string, findings: StoredFinding[], chars: number): void {
    const s = find(id)
    if (!s) return
    s.status = 'done'
    // Findings can run to tens of thousands: kept raw (not deeply reactive) and replaced, never mutated.
    s.findings = markRaw(findings)
    s.chars = chars
    s.label = null
    s.justification = ''
    scannedAt.value = new Date().toISOString()
  }

  function setFailed(id: string, error: string): void {
    const s = find(id)
    if (s) {
      s.status = 'failed'
      s.error = error
    }
  }

  function markCancelled(ids: readonly string[]): void {
    for (const id of ids) {
      const s = find(id)
      if (s && (s.status === 'scanning' || s.status === 'pending')) s.status = 'cancelled'
    }
  }

  function setDismissed(sourceId: string, findingId: number, dismissed: StoredFinding['dismissed']): void {
    const s = find(sourceId)
    if (s) s.findings = markRaw(s.findings.map((f) => (f.id === findingId ? { ...f, dismissed } : f)))
  }

  function dismiss(sourceId: string, findingId: number, reason: DismissReason, note: string): void {
    setDismissed(sourceId, findingId, { reason, note: note.trim() })
  }

  function restore(sourceId: string, findingId: number): void {
    setDismissed(sourceId, findingId, null)
  }

  function setLabel(id: string, label: DataLabel, justification: string): void {
    const s = find(id)
    if (s) {
      s.label = label
      s.justification = justification
    }
  }

  function setFlow(id: string, storedIn: StorageLocation, reach: SourceReach): void {
    const s = find(id)
    if (s) {
      s.storedIn = storedIn
      s.reach = reach
    }
  }

  function setPolicy(next: LabelPolicy, version: number): void {
    policy.value = next
    policyVersion.value = version
  }

  function goTo(n: number): void {
    step.value = Math.min(Math.max(0, n), lastStep)
  }

  /** Everything to persist. */
  function snapshot(): WizardState {
    return {
      step: step.value,
      title: title.value,
      home: home.value,
      sources: sources.value,
      scannedAt: scannedAt.value,
      savedReportId: savedReportId.value,
    }
  }

  /** Put back a persisted state; a scan that was running when the page closed is marked cancelled. */
  function restoreState(state: WizardState): void {
    step.value = state.step
    title.value = state.title
    home.value = state.home
    sources.value = state.sources.map((s) => ({
      ...s,
      status: s.status === 'scanning' ? 'cancelled' : s.status,
      findings: markRaw(s.findings),
    }))
    scannedAt.value = state.scannedAt
    savedReportId.value = state.savedReportId
  }

  function reset(): void {
    restoreState({ step: 0, title: '', home: 'hong_kong', sources: [], scannedAt: null, savedReportId: null })
  }

  function markSaved(id: string): void {
    savedReportId.value = id
  }

  return {
    step,
    title,
    home,
    sources,
    scannedAt,
    savedReportId,
    policy,
    policyVersion,
    scanned,
    addFiles,
    addText,
    removeSource,
    markScanning,
    setResult,
    setFailed,
    markCancelled,
    dismiss,
    restore,
    setLabel,
    setFlow,
    setPolicy,
    goTo,
    snapshot,
    restoreState,
    reset,
    markSaved,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWizardStore, import.meta.hot))
