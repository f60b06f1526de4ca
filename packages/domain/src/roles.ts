import { z } from 'zod'
import { EXTERNAL_ROLES, INTERNAL_ROLES } from './names'

export { ADMIN_ROLES, EXTERNAL_ROLES, INTERNAL_ROLES, isInternalRole } from './names'

export const InternalRole = z.enum(INTERNAL_ROLES)
export const ExternalRole = z.enum(EXTERNAL_ROLES)
export const Role = z.enum([...INTERNAL_ROLES, ...EXTERNAL_ROLES])

export type InternalRole = z.infer<typeof InternalRole>
export type ExternalRole = z.infer<typeof ExternalRole>
export type Role = z.infer<typeof Role>
