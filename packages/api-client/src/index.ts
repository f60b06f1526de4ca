/**
 * @suite/api-client: the suite's one axios instance, typed resources, response validation,
 * {@link ApiError}, retries and cancellation.
 */
export { createApiClient, type ApiClient } from './create-api-client'
export { composeApiClient, type ComposedApiClient, type ResourceFactory } from './compose-api-client'
export { authResource } from './resources/auth'
export { dingtalkResource } from './resources/dingtalk'
export { usersResource } from './resources/users'
export { casesResource } from './resources/cases'
export { caseRoomResource } from './resources/case-room'
export { auditResource } from './resources/audit'
export { adminResource } from './resources/admin'
export { lowcodeResource } from './resources/lowcode'
export { supportResource } from './resources/support'
export { classifierResource } from './resources/classifier'
export { courtCalendarResource } from './resources/court-calendar'
export { portalResource, type PortalResource } from './resources/portal'
export {
  NoContent,
  type ApiClientOptions,
  type CallArgs,
  type CallConfig,
  type CallInput,
  type CallResult,
  type Http,
  type RequestConfig,
  type RequestOptions,
} from './http'
export { ApiError, ApiErrorCode, ClientErrorCode, isApiError, type ApiErrorInit } from './api-error'
export { newIdempotencyKey } from './retry'
export { UserListQuery } from '@suite/domain'
export { CaseListQuery } from '@suite/domain'
export type { AuthResource } from './resources/auth'
export type { DingtalkResource } from './resources/dingtalk'
export type { UsersResource } from './resources/users'
export type { CasesResource } from './resources/cases'
export type { CaseRoomResource, CommentTarget } from './resources/case-room'
export type { AuditResource } from './resources/audit'
export type { AdminResource } from './resources/admin'
export type { LowcodeResource } from './resources/lowcode'
export type { SupportResource } from './resources/support'
export type { CourtCalendarResource } from './resources/court-calendar'
