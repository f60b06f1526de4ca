import type { ApiClient } from '@suite/api-client'
import type { LowcodeDiff, LowcodeDocument, LowcodeVersion } from '@suite/domain'
import { parseFormSchema } from '@suite/forms'
import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'

type Privileged = <T>(call: () => Promise<T>) => Promise<T>

const t3 = (s: string) => ({ 'zh-HK': s, 'zh-CN': s, en: s })
/** What a brand-new form starts from: the smallest valid form. */
export const STARTER_FORM = { schemaVersion: 1, title: t3('New form'), fields: [{ name: 'subject', type: 'text', required: true, label: t3('Subject') }] }

/** The JSON text as parsed, with the first problem when it does not parse or is not a valid form. */
export type ParsedText =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problems: { path: string; message: string }[] }

/**
 * Editing one low-code document: the JSON text (kept as typed on every failure), its parse and
 * form validation for the live preview, draft saving, the diff against the running version,
 * publishing and rolling back (both through `privileged`, i.e. a step-up), and the history.
 */
export function useDocumentEditor(api: Pick<ApiClient, 'lowcode'>, privileged: Privileged, kind: MaybeRefOrGetter<string>, key: MaybeRefOrGetter<string>) {
  const doc = shallowRef<LowcodeDocument | null>(null)
  const versions = shallowRef<LowcodeVersion[]>([])
  const diff = shallowRef<LowcodeDiff | null>(null)
  const text = shallowRef('')
  const savedText = shallowRef('')
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const busy = shallowRef(false)
  const actionError = shallowRef<unknown>(null)

  const parsed = computed<ParsedText>(() => {
    let value: unknown
    try {
      value = JSON.parse(text.value)
    } catch (e) {
      return { ok: false, problems: [{ path: '(json)', message: (e as Error).message }] }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object' }] }
    if (toValue(kind) === 'form') {
      const r = parseFormSchema(value)
      if (!r.ok) return { ok: false, problems: r.errors }
    }
    return { ok: true, value: value as Record<string, unknown> }
  })
  const previewSchema = computed(() => {
    if (toValue(kind) !== 'form' || !parsed.value.ok) return null
    const r = parseFormSchema(parsed.value.value)
    return r.ok ? r.schema : null
  })
  const dirty = computed(() => text.value !== savedText.value)

  const show = (body: unknown) => JSON.stringify(body, null, 2)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const [d, v] = await Promise.all([api.lowcode.get(toValue(kind), toValue(key)), api.lowcode.versions(toValue(kind), toValue(key))])
      doc.value = d
      versions.value = v
      text.value = show(d.draft?.body ?? d.running?.body ?? (toValue(kind) === 'form' ? STARTER_FORM : {}))
      savedText.value = d.draft || d.running ? text.value : ''
      diff.value = d.draft ? await api.lowcode.diff(toValue(kind), toValue(key)) : null
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  async function act<T>(call: () => Promise<T>): Promise<T | null> {
    busy.value = true
    actionError.value = null
    try {
      return await call()
    } catch (e) {
      actionError.value = e
      return null
    } finally {
      busy.value = false
    }
  }

  /** Save the text as the draft and show what changed against the running version. */
  async function saveDraft(): Promise<boolean> {
    const p = parsed.value
    if (!p.ok) return false
    const v = await act(() => api.lowcode.saveDraft(toValue(kind), toValue(key), p.value))
    if (!v) return false
    savedText.value = text.value
    doc.value = { ...doc.value!, draft: v }
    diff.value = await act(() => api.lowcode.diff(toValue(kind), toValue(key)))
    return true
  }

  /** Publish the reviewed draft (the hash from the diff, so an unseen change is refused). */
  async function publish(): Promise<LowcodeVersion | null> {
    const hash = diff.value?.draftHash
    if (!hash) return null
    const v = await act(() => privileged(() => api.lowcode.publish(toValue(kind), toValue(key), hash)))
    if (v) await load()
    return v
  }

  async function rollback(version: number): Promise<LowcodeVersion | null> {
    const v = await act(() => privileged(() => api.lowcode.rollback(toValue(kind), toValue(key), version)))
    if (v) await load()
    return v
  }

  async function discard(): Promise<void> {
    if ((await act(() => api.lowcode.discardDraft(toValue(kind), toValue(key)))) !== null) await load()
  }

  return { doc, versions, diff, text, parsed, previewSchema, dirty, loading, error, busy, actionError, load, saveDraft, publish, rollback, discard }
}
