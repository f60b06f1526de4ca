import type { ApiClient } from '@suite/api-client'
import type { DingTalk } from '@suite/dingtalk'

/** What {@link confirmIdentity} needs. */
export interface ConfirmIdentityDeps {
  api: Pick<ApiClient, 'admin'>
  dingtalk: Pick<DingTalk, 'inDingTalk' | 'requestAuthCode'>
  corpId: () => string | null
  /** Asks the person for an authenticator code outside DingTalk; null when they cancel. */
  askCode: () => Promise<string | null>
}

/**
 * The case room's step-up confirmation: a fresh DingTalk auth code inside DingTalk, an
 * authenticator code elsewhere. Resolves false when the person cancelled.
 */
export async function confirmIdentity(deps: ConfirmIdentityDeps): Promise<boolean> {
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
