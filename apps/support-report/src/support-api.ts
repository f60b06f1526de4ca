import { supportResource } from '@suite/api-client'
import { api } from './api'

/**
 * The `support` resource on the app's one transport (same session, CSRF token, retries and
 * errors as `api`). Loaded with the signed-in shell and the outbox, not in the first bundle.
 */
export const supportApi = { support: supportResource(api) }
