import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { LowcodeDiff, LowcodeDocument, LowcodeVersion } from '@suite/domain'
import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'
import { checkBody, starterBody, type BodyProblem, type Preview } from '../lib/document-kinds'

type Privileged = <T>(call: () => Promise<T>) => Promise<T>

/** The JSON text as parsed, with its problems when it does not parse or is not a valid body of its kind. */
export type ParsedText =
  { ok: true; value: Record<string, unknown>; preview: Preview | null } | { ok: false; problems: BodyProblem[] }

/**
 * Editing one low-code document: the JSON text (kept as typed on every failure), its parse and
 * validation for its kind (form, label policy, rule template) feeding the live preview, draft
 * saving, the diff against the running version, publishing and rolling back (both through
 * `privileged`, i.e. a step-up), and the history.
 */
export function useDocumentEditor(
  api: Pick<ApiClient, 'lowcode'>,
  privileged: Privileged,
  kind: MaybeRefOrGetter<string>,
  key: MaybeRefOrGetter<string>,
) {
  const doc = shallowRef<LowcodeDocument | null>(null)
  const versions = shallowRef<LowcodeVersion[]>([])
  const diff = shallowRef<LowcodeDiff | null>(null)
  const text = shallowRef('')
  const savedText = shallowRef('')
  const busy = shallowRef(false)
  const actionError = shallowRef<unknown>(null)

  const parsed = computed<ParsedText>(() => {
    let value: unknown
    try {
      value = JSON.parse(text.value)
    } catch (e) {
      return { ok: false, problems: [{ path: '(json)', code: 'invalid_json', message: (e as Error).message }] }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, problems: [{ path: '(root)', code: 'not_an_object', message: 'must be a JSON object' }] }
    const body = value as Record<string, unknown>
    const checked = checkBody(toValue(kind), body)
    return checked.ok ? { ok: true, value: body, preview: checked.preview } : { ok: false, problems: checked.problems }
  })
  /** What the live preview shows: the typed body, once it is valid for its kind. */
  const preview = computed(() => (parsed.value.ok ? parsed.value.preview : null))
  const dirty = computed(() => text.value !== savedText.value)

  const show = (body: unknown) => JSON.stringify(body, null, 2)

  /** The document, its history and (with a draft) the diff against the running version; shown once all three are in. */
  const loader = useLatestAsync(
    async (signal) => {
      const [k, name] = [toValue(kind), toValue(key)]
      const [d, v] = await Promise.all([
        api.lowcode.get(k, name, { signal }),
        api.lowcode.versions(k, name, { signal }),
      ])
      return { doc: d, versions: v, diff: d.draft ? await api.lowcode.diff(k, name, { signal }) : null }
    },
    null,
    {
      immediate: false,
      onSuccess: (loaded) => {
        if (!loaded) return
        doc.value = loaded.doc
        versions.value = loaded.versions
        text.value = show(loaded.doc.draft?.body ?? loaded.doc.running?.body ?? starterBody(toValue(kind)))
        savedText.value = loaded.doc.draft || loaded.doc.running ? text.value : ''
        diff.value = loaded.diff
      },
    },
  )
  const { loading, error } = loader
  const load = async (): Promise<void> => {
    await loader.runNow()
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

  return {
    doc,
    versions,
    diff,
    text,
    parsed,
    preview,
    dirty,
    loading,
    error,
    busy,
    actionError,
    load,
    saveDraft,
    publish,
    rollback,
    discard,
  }
}
