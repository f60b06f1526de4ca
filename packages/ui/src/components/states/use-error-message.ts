import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'

/** The fields of an `ApiError` / `DingTalkError` this package reads; any error may lack them. */
export interface ErrorLike {
  code?: unknown
  requestId?: unknown
  status?: unknown
}

function field(error: unknown, name: keyof ErrorLike): string | null {
  if (typeof error !== 'object' || error === null) return null
  const value = (error as ErrorLike)[name]
  return typeof value === 'string' && value !== '' ? value : null
}

/**
 * What to tell the user about `error`: the message under `errors.<code>` when the error
 * has a known `code` (ApiError, DingTalkError, SignInError), else a generic one; and the
 * request id, which users quote to IT so the server log can be found.
 */
export function useErrorMessage(error: MaybeRefOrGetter<unknown>) {
  const { t, te } = useI18n()
  const code = computed(() => field(toValue(error), 'code'))
  const message = computed(() => {
    const key = `errors.${code.value}`
    return code.value && (te(key) || te(key, 'en')) ? t(key) : t('errors.unknown')
  })
  const requestId = computed(() => field(toValue(error), 'requestId'))
  return { code, message, requestId }
}
