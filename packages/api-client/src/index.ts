/**
 * @suite/api-client: the suite's one axios instance, typed resources, response validation,
 * {@link ApiError}, retries and cancellation.
 */
export { createApiClient, type ApiClient } from './create-api-client'
export { NoContent, type ApiClientOptions, type Http, type RequestConfig, type RequestOptions } from './http'
export { ApiError, ApiErrorCode, ClientErrorCode, isApiError, type ApiErrorInit } from './api-error'
export { newIdempotencyKey } from './retry'
export { UserListQuery } from './resources/users'
export { CaseListQuery } from './resources/cases'
export type { AuthResource } from './resources/auth'
export type { DingtalkResource } from './resources/dingtalk'
export type { UsersResource } from './resources/users'
export type { CasesResource } from './resources/cases'
export type { AuditResource } from './resources/audit'
