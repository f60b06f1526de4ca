import { z } from 'zod'

/** Roles of people employed by the firm. */
export const INTERNAL_ROLES = ['partner', 'associate', 'staff', 'it_admin', 'compliance_officer'] as const
/** Roles of people outside the firm, invited into one case. */
export const EXTERNAL_ROLES = ['client', 'external_expert'] as const

export const InternalRole = z.enum(INTERNAL_ROLES)
export const ExternalRole = z.enum(EXTERNAL_ROLES)
export const Role = z.enum([...INTERNAL_ROLES, ...EXTERNAL_ROLES])

export type InternalRole = z.infer<typeof InternalRole>
export type ExternalRole = z.infer<typeof ExternalRole>
export type Role = z.infer<typeof Role>

/** True for the firm's own people. */
export function isInternalRole(role: Role): role is InternalRole {
  return (INTERNAL_ROLES as readonly string[]).includes(role)
}

/** Roles allowed into the administration screens (audit, users, low-code editor). */
export const ADMIN_ROLES: readonly Role[] = ['it_admin', 'compliance_officer']
