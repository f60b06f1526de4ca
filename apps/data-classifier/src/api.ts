import { authResource, classifierResource, composeApiClient } from '@suite/api-client'
import { env } from './env'

export { dingtalk, urlCorpId } from './platform'

/**
 * The classifier's API client. Only the final report (masked) ever goes through it. It carries
 * only the resources this app uses (auth for sign-in, classifier), not every area's schemas.
 */
export const api = composeApiClient({ auth: authResource, classifier: classifierResource }, { baseURL: env.VITE_API_BASE })
