import type { ApiClient, CommentTarget } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { CaseComment } from '@suite/domain'
import { ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/**
 * Comments of one target (document, timeline entry or thread): load, and send a new one.
 * The draft survives a failed send, so nothing typed is lost on a network error.
 */
export function useComments(
  api: Pick<ApiClient, 'caseRoom'>,
  caseId: MaybeRefOrGetter<string>,
  target: MaybeRefOrGetter<CommentTarget | null>,
) {
  const {
    state: items,
    loading,
    error,
    runNow,
  } = useLatestAsync(
    (signal, t: CommentTarget) => api.caseRoom.comments.list(toValue(caseId), t, { signal }),
    [] as CaseComment[],
    { immediate: false },
  )
  const sending = shallowRef(false)
  const sendError = shallowRef<unknown>(null)
  const draft = ref('')

  async function load(): Promise<void> {
    const t = toValue(target)
    if (t) await runNow(t)
  }

  async function send(page: number | null = null): Promise<boolean> {
    const t = toValue(target)
    const body = draft.value.trim()
    if (!t || !body || sending.value) return false
    sending.value = true
    sendError.value = null
    try {
      const made = await api.caseRoom.comments.create(toValue(caseId), t, { body, page })
      items.value = [...items.value, made]
      draft.value = ''
      return true
    } catch (e) {
      sendError.value = e
      return false
    } finally {
      sending.value = false
    }
  }

  watch(
    () => JSON.stringify(toValue(target)),
    () => {
      void load()
    },
    { immediate: true },
  )

  return { items, loading, error, draft, sending, sendError, load, send }
}
