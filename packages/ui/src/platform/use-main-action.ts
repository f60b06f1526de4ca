import { computed, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSuiteDingTalk } from './platform'

/** A page's main action ("New case", "Report"): its label and what a tap does. */
export interface MainAction {
  text: string
  onClick: () => void
}

/**
 * Declare the page's main action. In DingTalk's mobile clients it becomes the text button at the
 * right of DingTalk's navigation bar (`biz.navigation.setRight`), and `inNavBar` is true so the page
 * hides its own button; on PC and in a browser nothing changes and the page shows its button.
 * `null` (or a getter returning it) means no action right now. The button goes when the page does.
 *
 * @example
 * const { inNavBar } = useMainAction(() => (canCreate.value ? { text: t('cases.new'), onClick: openNew } : null))
 * // <ElButton v-if="!inNavBar" type="primary" @click="openNew">…</ElButton>
 */
export function useMainAction(action: MaybeRefOrGetter<MainAction | null>) {
  const dingtalk = useSuiteDingTalk()
  const { locale } = useI18n()
  /** An old client that refused the button: the page shows its own again. */
  const refused = ref(false)
  const inNavBar = computed(() => dingtalk.mobile && !refused.value && toValue(action) !== null)
  if (dingtalk.mobile) {
    watch(
      () => [toValue(action)?.text ?? null, locale.value] as const,
      () => {
        const current = toValue(action)
        // The tap always runs the action the page holds now, not the one at the time of the call.
        const next = current ? { text: current.text, onClick: () => toValue(action)?.onClick() } : null
        dingtalk.setRight(next).then(
          () => (refused.value = false),
          () => (refused.value = next !== null),
        )
      },
      { immediate: true },
    )
    onScopeDispose(() => {
      dingtalk.setRight(null).catch(() => undefined)
    })
  }
  return { inNavBar }
}
