import { createDingTalk, type DingTalk, type DingTalkEnv, type NativeApis } from '@suite/dingtalk'
import { vi } from 'vitest'

/** A call the fake DingTalk client received: the adapter's short API name and its parameters. */
export interface FakeCall {
  api: string
  params: Record<string, unknown>
}

/**
 * The real adapter on `env` over a fake native layer that records every call and answers at
 * once (confirm with the first button). `listeners` holds the last `onSuccess` each API was given,
 * so a test can tap the navigation bar button or pull. Test-only.
 */
export function fakeDingTalk(env: DingTalkEnv = 'ios'): {
  dingtalk: DingTalk
  calls: FakeCall[]
  listeners: Record<string, () => void>
} {
  const calls: FakeCall[] = []
  const listeners: Record<string, () => void> = {}
  const dingtalk = createDingTalk({
    env,
    loadApi: async (name) =>
      vi.fn(async (params: Record<string, unknown> = {}) => {
        calls.push({ api: name, params })
        if (typeof params.onSuccess === 'function') listeners[name] = params.onSuccess as () => void
        if (name === 'confirm') return { buttonIndex: 0 }
        return {}
      }) as unknown as NativeApis[typeof name],
  })
  return { dingtalk, calls, listeners }
}
