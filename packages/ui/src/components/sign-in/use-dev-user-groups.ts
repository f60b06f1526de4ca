import { isInternalRole, Role, type AuthConfig } from '@suite/domain'
import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoleLabel } from '../../locale/use-role-label'

/** One person offered by the dev sign-in picker. */
export type DevUser = AuthConfig['devUsers'][number]

/** A labelled group of the picker: the firm's people, or externals. */
export interface DevUserGroup {
  key: 'internal' | 'external'
  label: string
  users: (DevUser & { roleLabel: string })[]
}

/** True for firm members; an unknown role counts as external, the more restricted side. */
function isInternal(user: DevUser): boolean {
  const role = Role.safeParse(user.role)
  return role.success && isInternalRole(role.data)
}

/** Splits the dev users into internal and external groups with translated role labels. */
export function useDevUserGroups(users: MaybeRefOrGetter<readonly DevUser[]>) {
  const { t } = useI18n()
  const roleLabel = useRoleLabel()
  return computed<DevUserGroup[]>(() => {
    const all = toValue(users).map((user) => ({ ...user, roleLabel: roleLabel(user.role) }))
    const groups: DevUserGroup[] = [
      { key: 'internal', label: t('signIn.internal'), users: all.filter(isInternal) },
      { key: 'external', label: t('signIn.external'), users: all.filter((u) => !isInternal(u)) },
    ]
    return groups.filter((group) => group.users.length > 0)
  })
}
