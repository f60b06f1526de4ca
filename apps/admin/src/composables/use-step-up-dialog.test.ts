import { describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '@suite/api-client'
import type { StepUpStatus } from '@suite/domain'
import { useStepUpDialog } from './use-step-up-dialog'

const status = (over: Partial<StepUpStatus> = {}): StepUpStatus => ({
  totpEnrolled: false,
  totpPending: false,
  recoveryCodesLeft: 0,
  dingtalkAvailable: true,
  elevatedUntil: null,
  method: null,
  ...over,
})

function dialog(current: StepUpStatus, inDingTalk: boolean) {
  const stepUp = {
    status: vi.fn(async () => current),
    confirm: vi.fn(async () => ({
      ...current,
      elevatedUntil: '2026-03-02T02:05:00.000Z',
      method: 'dingtalk' as const,
    })),
  }
  const requestAuthCode = vi.fn(async () => 'dt-code')
  const d = useStepUpDialog({
    api: { admin: { stepUp } } as unknown as Pick<ApiClient, 'admin'>,
    dingtalk: { inDingTalk, requestAuthCode },
    corpId: () => 'dingdemocorp0001',
  })
  return { d, stepUp, requestAuthCode }
}

describe('useStepUpDialog: what someone can confirm with', () => {
  it('inside DingTalk, with no authenticator: DingTalk confirmation, with a fresh auth code of the org', async () => {
    const { d, stepUp, requestAuthCode } = dialog(status(), true)
    expect(d.canUseDingTalk()).toBe(false) // not known before the status arrives
    await d.load()
    expect(d.canUseDingTalk()).toBe(true)
    expect(d.advice.value).toBeNull()
    expect(await d.confirmDingTalk()).toBe(true)
    expect(requestAuthCode).toHaveBeenCalledWith('dingdemocorp0001')
    expect(stepUp.confirm).toHaveBeenCalledWith({ method: 'dingtalk', code: 'dt-code' })
  })

  it('in a plain browser, with no authenticator: not a dead end, it says to open DingTalk or ask IT for a set-up code', async () => {
    const { d } = dialog(status(), false)
    await d.load()
    expect(d.canUseDingTalk()).toBe(false)
    expect(d.advice.value).toBe('open_in_dingtalk')
  })

  it('without a DingTalk account, even inside DingTalk, only IT can help', async () => {
    const { d } = dialog(status({ dingtalkAvailable: false }), true)
    await d.load()
    expect(d.canUseDingTalk()).toBe(false)
    expect(d.advice.value).toBe('ask_it')
  })

  it('with an authenticator there is always something to use', async () => {
    const { d } = dialog(status({ totpEnrolled: true, recoveryCodesLeft: 10, dingtalkAvailable: false }), false)
    await d.load()
    expect(d.advice.value).toBeNull()
  })
})
