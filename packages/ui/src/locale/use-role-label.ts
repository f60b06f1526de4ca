import { useI18n } from 'vue-i18n'

/**
 * Translates a role (`partner`, `client`, ...) through `roles.<role>`; an unknown role
 * (AuthConfig sends roles as plain strings) is shown as sent.
 */
export function useRoleLabel() {
  const { t, te } = useI18n()
  return (role: string): string => (te(`roles.${role}`) || te(`roles.${role}`, 'en') ? t(`roles.${role}`) : role)
}
