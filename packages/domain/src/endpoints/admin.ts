import { z } from 'zod'
import { AdminUser, AdminUserQuery, DeactivationResult, DirectorySyncResult, EnrolmentCode, RoleChange } from '../admin'
import { Page } from '../pagination'
import { defineEndpoint } from '../endpoint'

/** Path parameters of one person on the administration screens. */
export const AdminUserParams = z.object({ id: z.string().min(1).max(64) })

const tags = ['admin']

/**
 * Users and roles for IT administrators and compliance officers: the whole directory, sync
 * from DingTalk, role changes, deactivation and reactivation, and second-factor help.
 */
export const adminApi = {
  /** One page of everyone, externals and deactivated people included. */
  listUsers: defineEndpoint({
    method: 'GET',
    path: '/admin/users',
    tags,
    query: AdminUserQuery,
    response: Page(AdminUser),
  }),
  /** Read the DingTalk directory and apply it (nothing changes when DingTalk fails part way). */
  syncDirectory: defineEndpoint({ method: 'POST', path: '/admin/directory/sync', tags, response: DirectorySyncResult }),
  /** Give a firm member another firm role (step-up); ends their sessions. */
  setRole: defineEndpoint({
    method: 'PUT',
    path: '/admin/users/:id/role',
    tags,
    params: AdminUserParams,
    body: RoleChange,
    response: AdminUser,
  }),
  /** Deactivate and end every session at once (no step-up: it must be fast in an incident). */
  deactivate: defineEndpoint({
    method: 'POST',
    path: '/admin/users/:id/deactivate',
    tags,
    params: AdminUserParams,
    response: DeactivationResult,
  }),
  /** Let a deactivated person in again (step-up). */
  reactivate: defineEndpoint({
    method: 'POST',
    path: '/admin/users/:id/reactivate',
    tags,
    params: AdminUserParams,
    response: AdminUser,
  }),
  /** Remove a person's authenticator and recovery codes, e.g. a lost phone (step-up). */
  resetSecondFactor: defineEndpoint({
    method: 'POST',
    path: '/admin/users/:id/second-factor/reset',
    tags,
    params: AdminUserParams,
    response: AdminUser,
  }),
  /** A one-time set-up code for a person's authenticator, shown once (IT administrators, step-up). */
  issueEnrolmentCode: defineEndpoint({
    method: 'POST',
    path: '/admin/users/:id/enrolment-code',
    tags,
    params: AdminUserParams,
    status: 201,
    response: EnrolmentCode,
  }),
}
