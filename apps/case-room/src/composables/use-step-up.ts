import type { ApiClient } from '@suite/api-client'
import { isApiError } from '@suite/api-client'
import type { DingTalk } from '@suite/dingtalk'

/** What {@link useStepUp} needs. */
export interface StepUpDeps {
  api: Pick<ApiClient, 'admin'>
  dingtalk: Pick<DingTalk, 'inDingTalk' | 'requestAuthCode'>
  corpId: () => string | null
  /** Asks the person for an authenticator code outside DingTalk; null when they cancel. */
  askCode: () => Promise<string | null>
}

/**
 * Run a privileged action; when the server answers `step_up_required`, confirm the person
 * (a fresh DingTalk auth code inside DingTalk, an authenticator code elsewhere) and try once
 * more. Resolves false if they cancelled.
 */
export function useStepUp(deps: StepUpDeps) {
  async function confirm(): Promise<boolean> {
    const corpId = deps.corpId()
    if (deps.dingtalk.inDingTalk && corpId) {
      await deps.api.admin.stepUp.confirm({ method: 'dingtalk', code: await deps.dingtalk.requestAuthCode(corpId) })
      return true
    }
    const code = await deps.askCode()
    if (!code) return false
    await deps.api.admin.stepUp.confirm({ method: 'totp', code })
    return true
  }

  async function withStepUp<T>(action: () => Promise<T>): Promise<{ done: true; value: T } | { done: false }> {
    try {
      return { done: true, value: await action() }
    } catch (e) {
      if (!isApiError(e) || e.code !== 'step_up_required') throw e
    }
    if (!(await confirm())) return { done: false }
    return { done: true, value: await action() }
  }

  return { withStepUp }
}
