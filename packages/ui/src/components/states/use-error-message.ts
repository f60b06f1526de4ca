import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from './describe-error'

/** The fields of an `ApiError` / `DingTalkError` this package reads; any error may lack them. */
export interface ErrorLike {
  code?: unknown
  requestId?: unknown
  status?: unknown
  fields?: unknown
}

/**
 * What to tell the user about `error` (see {@link describeError}): the translated message, which
 * says what happened and what to do, its heading, the action that helps (retry, sign in again,
 * reload, set up an authenticator), and the request id, which users quote to IT so the server
 * log can be found.
 */
export function useErrorMessage(error: MaybeRefOrGetter<unknown>) {
  const { t, te } = useI18n()
  const described = computed(() => describeError(toValue(error), (key) => te(key) || te(key, 'en')))
  const code = computed(() => described.value.code)
  const message = computed(() => t(described.value.messageKey))
  const title = computed(() => t(described.value.titleKey))
  const action = computed(() => described.value.action)
  const scope = computed(() => described.value.scope)
  const requestId = computed(() => described.value.requestId)
  return { code, message, title, action, scope, requestId }
}
