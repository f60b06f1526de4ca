import { useSuiteDingTalk } from '@suite/ui'
import { onMounted, onScopeDispose } from 'vue'

/**
 * Pull-to-refresh for a list page: in DingTalk's mobile clients the native pull
 * (`ui.pullToRefresh.enable`) runs `reload` and the spinner stops when it settles; in a browser and
 * on PC nothing happens (the page keeps its own refresh). Turned off again when the page goes.
 * Returns whether the native pull is on.
 *
 * @example
 * const { load } = useLatestAsync(...)
 * usePullToRefresh(() => load())
 */
export function usePullToRefresh(reload: () => unknown): { enabled: boolean } {
  const dingtalk = useSuiteDingTalk()
  if (!dingtalk.mobile) return { enabled: false }
  let active = true
  let pulling = false
  async function pulled(): Promise<void> {
    if (pulling) return
    pulling = true
    try {
      await reload()
    } catch {
      // The page shows its own error state; the pull only has to end.
    } finally {
      pulling = false
      await dingtalk.stopPullToRefresh().catch(() => undefined)
    }
  }
  onMounted(() => {
    if (active) dingtalk.enablePullToRefresh(() => void pulled()).catch(() => undefined)
  })
  onScopeDispose(() => {
    active = false
    dingtalk.disablePullToRefresh().catch(() => undefined)
  })
  return { enabled: true }
}
