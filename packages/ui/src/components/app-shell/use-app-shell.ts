import { isInternalRole, type User } from '@suite/domain'
import { useMediaQuery } from '@vueuse/core'
import { computed, inject, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoleLabel } from '../../locale/use-role-label'
import { SUITE_SESSION_METHOD, useSuiteDingTalk } from '../../platform/platform'

/** What the shell shows about the signed-in person. */
export type ShellUser = Pick<User, 'name' | 'role'>

/** Width from which the `aside` slot becomes a side column (phones never mount it). */
export const WIDE_LAYOUT_QUERY = '(min-width: 960px)'

/** The shell's derived state: layout width, and the user's role label, tag colour and initial. */
export function useAppShell(user: MaybeRefOrGetter<ShellUser | null | undefined>) {
  const { t } = useI18n()
  const roleLabel = useRoleLabel()
  const isWide = useMediaQuery(WIDE_LAYOUT_QUERY)
  const person = computed(() => {
    const u = toValue(user)
    if (!u) return null
    const role = roleLabel(u.role)
    return {
      name: u.name,
      role,
      // Externals are flagged in amber so a client never mistakes whose screen this is.
      tagType: isInternalRole(u.role) ? ('info' as const) : ('warning' as const),
      initial: Array.from(u.name.trim())[0] ?? '?',
      summary: t('shell.signedInAs', { name: u.name, role }),
    }
  })
  return { isWide, person }
}

/**
 * The shell inside the DingTalk client: DingTalk's navigation bar shows the title (`setTitle`) and
 * the back button, so the shell drops its own header. Signing out there would only sign the same
 * DingTalk person in again, so no sign-out is offered; someone signed in as another account (a demo
 * user, an invitation) is offered to switch to their DingTalk account instead.
 */
export function useNativeShell(title: MaybeRefOrGetter<string>) {
  const dingtalk = useSuiteDingTalk()
  const method = inject(SUITE_SESSION_METHOD, null)
  const native = dingtalk.inDingTalk
  if (native) {
    watch(
      () => toValue(title),
      (next) => {
        if (next) dingtalk.setTitle(next).catch(() => undefined)
      },
      { immediate: true },
    )
  }
  const canSwitchAccount = computed(() => native && method?.value != null && method.value !== 'dingtalk')
  return { native, canSwitchAccount }
}
