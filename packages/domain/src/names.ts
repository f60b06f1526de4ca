import type { InternalRole, Role } from './roles'

// Plain lists and checks, without zod: an app's first screen (locale detection, the shell's role
// checks) uses them, and importing a schema module there would put the schema library into every
// app's first bundle. roles.ts and user.ts build their schemas from these lists.

/** Languages the suite speaks, in the order the language switch lists them; zh-HK is the default. */
export const SUITE_LOCALES = ['zh-HK', 'zh-CN', 'en'] as const

/** Roles of people employed by the firm. */
export const INTERNAL_ROLES = ['partner', 'associate', 'staff', 'it_admin', 'compliance_officer'] as const
/** Roles of people outside the firm, invited into one case. */
export const EXTERNAL_ROLES = ['client', 'external_expert'] as const

/** True for the firm's own people. */
export function isInternalRole(role: Role): role is InternalRole {
  return (INTERNAL_ROLES as readonly string[]).includes(role)
}

/** Roles allowed into the administration screens (audit, users, low-code editor). */
export const ADMIN_ROLES: readonly Role[] = ['it_admin', 'compliance_officer']
