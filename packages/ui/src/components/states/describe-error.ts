/**
 * The one mapping from a failure (an `ApiError`, a `DingTalkError`, a `SignInError`, anything
 * thrown) to what the person is told and what they can do about it. Pure: the components
 * translate the keys it returns.
 */

/** What the person can do about an error. */
export type ErrorAction =
  /** Try the same thing again (no network, a timeout, the server or DingTalk failing). */
  | 'retry'
  /** The session is gone: sign in again. */
  | 'sign_in'
  /** The page is out of step with the server: reload it. */
  | 'reload'
  /** A second factor was asked for and the person has none: set up an authenticator first. */
  | 'set_up_authenticator'
  /** Nothing helps from here (not found, no permission, invalid input): read the message. */
  | 'none'

/**
 * Where the failure lies: `item` when it is about the thing the page shows (missing, not
 * allowed, not valid), so a page's own wording ("this case does not exist…") fits; anything
 * else is about the connection, the session or the system, and keeps its own title.
 */
export type ErrorScope = 'item' | 'general'

/** What to tell the person, as message keys of the shared catalogue. */
export interface ErrorDescription {
  /** The error's code, or null for anything without one. */
  code: string | null
  /** Key of the heading (`states.*Title`). */
  titleKey: string
  /** Key of the sentence that says what happened and what to do (`errors.*`). */
  messageKey: string
  action: ErrorAction
  scope: ErrorScope
  requestId: string | null
}

/** Field codes the server gives a step-up refused because no authenticator is set up. */
export const NOT_ENROLLED_FIELD_CODES: readonly string[] = ['totp_not_enrolled', 'not_enrolled']

interface Rule {
  titleKey: string
  action: ErrorAction
  scope: ErrorScope
}

const general = (titleKey: string, action: ErrorAction): Rule => ({ titleKey, action, scope: 'general' })
const item = (titleKey: string, action: ErrorAction = 'none'): Rule => ({ titleKey, action, scope: 'item' })

/** Per code: its heading, the action, and whether a page's own title may replace the heading. */
const RULES: Record<string, Rule> = {
  network_error: general('states.networkTitle', 'retry'),
  timeout: general('states.timeoutTitle', 'retry'),
  upstream_unavailable: general('states.serverTitle', 'retry'),
  internal: general('states.serverTitle', 'retry'),
  rate_limited: general('states.busyTitle', 'retry'),
  unauthenticated: general('states.sessionTitle', 'sign_in'),
  session_expired: general('states.sessionTitle', 'sign_in'),
  csrf_failed: general('states.outOfDateTitle', 'reload'),
  malformed_response: general('states.outOfDateTitle', 'reload'),
  step_up_required: general('states.stepUpTitle', 'retry'),
  authenticator_not_enrolled: general('states.noAuthenticatorTitle', 'set_up_authenticator'),
  not_found: item('states.notFoundTitle'),
  forbidden: item('states.forbiddenTitle'),
  conflict: item('states.conflictTitle', 'reload'),
  validation_failed: item('states.errorTitle'),
  bad_request: item('states.errorTitle', 'retry'),
  payload_too_large: item('states.errorTitle'),
  unsupported_media_type: item('states.errorTitle'),
  // DingTalk adapter and sign-in errors: about what the page tried, so its heading ("could not sign in") fits.
  not_in_dingtalk: item('states.errorTitle'),
  open_in_dingtalk: item('states.errorTitle'),
  missing_corp_id: item('states.errorTitle'),
  cancelled: item('states.errorTitle', 'retry'),
  no_permission: item('states.errorTitle'),
  unsupported: item('states.errorTitle'),
  failed: item('states.errorTitle', 'retry'),
}

// Nothing known about it: a page's own heading ("could not load the case") is the best there is.
const UNKNOWN: Rule = { titleKey: 'states.errorTitle', action: 'retry', scope: 'item' }

function read(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

/** The code to describe: the server's, refined by its field codes and its status. */
function effectiveCode(error: unknown): string | null {
  const code = text(read(error, 'code'))
  if (!code) return null
  const fields = read(error, 'fields')
  const fieldCodes = Array.isArray(fields) ? fields.map((f) => text(read(f, 'code'))) : []
  if (fieldCodes.some((c) => c !== null && NOT_ENROLLED_FIELD_CODES.includes(c))) return 'authenticator_not_enrolled'
  const status = read(error, 'status')
  if (typeof status === 'number' && status > 0) {
    // "Not found" only for a real 404; a proxy's 5xx page or a status-less code says what it is.
    if (code === 'not_found' && status !== 404) return status >= 500 ? 'internal' : 'bad_request'
    if (status >= 500 && RULES[code]?.scope === 'item') return 'internal'
  }
  return code
}

/**
 * Describe `error` for a person: a heading, a message that says what happened and what to do,
 * the action that helps, and the request id to quote to IT. Unknown codes and plain errors get
 * the generic "something went wrong, try again".
 *
 * @example
 * describeError(new ApiError({ status: 0, code: 'network_error', message: '' }))
 * // { titleKey: 'states.networkTitle', messageKey: 'errors.network_error', action: 'retry', scope: 'general', … }
 */
export function describeError(error: unknown, knows: (key: string) => boolean = () => true): ErrorDescription {
  const code = effectiveCode(error)
  const hasMessage = code !== null && knows(`errors.${code}`)
  const rule = (hasMessage && RULES[code]) || UNKNOWN
  return {
    code: text(read(error, 'code')),
    titleKey: rule.titleKey,
    messageKey: hasMessage ? `errors.${code}` : 'errors.unknown',
    action: rule.action,
    scope: rule.scope,
    requestId: text(read(error, 'requestId')),
  }
}
