import type { StepUpStatus } from '@suite/domain'
import { shallowRef } from 'vue'
import type { ApiClient } from '@suite/api-client'
import type { DingTalk } from '@suite/dingtalk'

/** Dependencies of {@link useStepUpDialog}; passed in so tests need no module mocks. */
export interface StepUpDialogDeps {
  api: Pick<ApiClient, 'admin'>
  dingtalk: Pick<DingTalk, 'requestAuthCode' | 'inDingTalk'>
  corpId: () => string | null
}

/**
 * State of the step-up dialog: what the person can confirm with, the code they type, and the
 * confirmation itself. `confirm*` resolve true when the session is now elevated.
 */
export function useStepUpDialog(deps: StepUpDialogDeps) {
  const status = shallowRef<StepUpStatus | null>(null)
  const loading = shallowRef(false)
  const busy = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const code = shallowRef('')
  const method = shallowRef<'totp' | 'recovery_code'>('totp')

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    code.value = ''
    try {
      status.value = await deps.api.admin.stepUp.status()
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
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
  const confirmCode = () => attempt(() => deps.api.admin.stepUp.confirm({ method: method.value, code: code.value.trim() }))

  /** Confirm with a fresh DingTalk auth code of the signed-in person. */
  const confirmDingTalk = () => attempt(async () => {
    const corpId = deps.corpId()
    if (!corpId) throw new Error('no corpId')
    return deps.api.admin.stepUp.confirm({ method: 'dingtalk', code: await deps.dingtalk.requestAuthCode(corpId) })
  })

  return { status, loading, busy, error, code, method, load, confirmCode, confirmDingTalk, canUseDingTalk: () => deps.dingtalk.inDingTalk && !!status.value?.dingtalkAvailable }
}
