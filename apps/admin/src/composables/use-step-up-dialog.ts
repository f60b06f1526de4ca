import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { DingTalk } from '@suite/dingtalk'
import type { StepUpStatus } from '@suite/domain'
import { computed, shallowRef } from 'vue'

/** Dependencies of {@link useStepUpDialog}; passed in so tests need no module mocks. */
export interface StepUpDialogDeps {
  api: Pick<ApiClient, 'admin'>
  dingtalk: Pick<DingTalk, 'requestAuthCode' | 'inDingTalk'>
  corpId: () => string | null
}

/**
 * What someone with no authenticator, who cannot confirm with DingTalk here, can do instead:
 * open the app in DingTalk (or get a set-up code from IT), or, without a DingTalk account, only
 * get a set-up code from IT.
 */
export type StepUpAdvice = 'open_in_dingtalk' | 'ask_it'

/**
 * State of the step-up dialog: what the person can confirm with, the code they type, and the
 * confirmation itself. `confirm*` resolve true when the session is now elevated.
 */
export function useStepUpDialog(deps: StepUpDialogDeps) {
  const {
    state: status,
    loading,
    error,
    runNow,
  } = useLatestAsync((signal) => deps.api.admin.stepUp.status({ signal }), null as StepUpStatus | null, {
    immediate: false,
  })
  const busy = shallowRef(false)
  const code = shallowRef('')
  const method = shallowRef<'totp' | 'recovery_code'>('totp')

  /** What the person can confirm with, fetched each time the dialog opens (the typed code is cleared). */
  async function load(): Promise<void> {
    code.value = ''
    await runNow()
  }

  async function attempt(run: () => Promise<StepUpStatus>): Promise<boolean> {
    busy.value = true
    error.value = null
    try {
      status.value = await run()
      return !!status.value.elevatedUntil
    } catch (e) {
      error.value = e
      return false
    } finally {
      busy.value = false
    }
  }

  /** Confirm with the typed authenticator or recovery code. */
  const confirmCode = () =>
    attempt(() => deps.api.admin.stepUp.confirm({ method: method.value, code: code.value.trim() }))

  /** Confirm with a fresh DingTalk auth code of the signed-in person. */
  const confirmDingTalk = () =>
    attempt(async () => {
      const corpId = deps.corpId()
      if (!corpId) throw Object.assign(new Error('no corpId'), { code: 'missing_corp_id' })
      return deps.api.admin.stepUp.confirm({ method: 'dingtalk', code: await deps.dingtalk.requestAuthCode(corpId) })
    })

  /** Inside DingTalk, for someone with a DingTalk account (known once the status is loaded). */
  const canUseDingTalk = () => deps.dingtalk.inDingTalk && !!status.value?.dingtalkAvailable

  /** Null while there is something to confirm with (or the status is not known yet). */
  const advice = computed<StepUpAdvice | null>(() => {
    const s = status.value
    if (!s || s.totpEnrolled || canUseDingTalk()) return null
    return s.dingtalkAvailable ? 'open_in_dingtalk' : 'ask_it'
  })

  return { status, loading, busy, error, code, method, advice, load, confirmCode, confirmDingTalk, canUseDingTalk }
}
