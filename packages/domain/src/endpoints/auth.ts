import { AuthConfig, DevSignIn, JsapiSignature, JsapiSignatureRequest, Session, SignInWithCode } from '../session'
import {
  RecoveryCodes,
  StepUpRequest,
  StepUpStatus,
  TotpCode,
  TotpConfirmed,
  TotpEnrolRequest,
  TotpEnrolment,
} from '../admin'
import { defineEndpoint } from '../endpoint'

const tags = ['auth']

/** Sign-in (DingTalk auth code or the dev picker), the current session and sign-out. */
export const authApi = {
  /** Public sign-in options: the corp id, and whether the dev picker may show (with its people). */
  config: defineEndpoint({ method: 'GET', path: '/auth/config', tags, response: AuthConfig }),
  /** Exchange a DingTalk `requestAuthCode` code for a session; a code works once. */
  signInWithCode: defineEndpoint({
    method: 'POST',
    path: '/auth/dingtalk',
    tags,
    body: SignInWithCode,
    response: Session,
  }),
  /** Sign in as a demo user; 404 unless dev sign-in is enabled. */
  devSignIn: defineEndpoint({ method: 'POST', path: '/auth/dev', tags, body: DevSignIn, response: Session }),
  /** The current session (401 `unauthenticated` / `session_expired` when there is none). */
  session: defineEndpoint({ method: 'GET', path: '/auth/session', tags, response: Session }),
  /** End the session and clear its cookie. */
  signOut: defineEndpoint({ method: 'POST', path: '/auth/sign-out', tags }),
}

/** What the DingTalk JSAPI needs from the server. */
export const dingtalkApi = {
  /** The `dd.config` signature for a page of the suite's own public origin (without its `#fragment`). */
  jsapiSignature: defineEndpoint({
    method: 'POST',
    path: '/dingtalk/jsapi-signature',
    tags,
    body: JsapiSignatureRequest,
    response: JsapiSignature,
  }),
}

const stepUpTags = ['step-up']

/**
 * Step-up confirmation: the caller's second factors, TOTP enrolment with recovery codes, and
 * the confirmation that elevates the session for five minutes.
 */
export const stepUpApi = {
  /** The caller's second factors and whether this session is elevated. */
  status: defineEndpoint({ method: 'GET', path: '/step-up', tags: stepUpTags, response: StepUpStatus }),
  /** Confirm with a TOTP code, a recovery code or a fresh DingTalk auth code; elevates the session. */
  confirm: defineEndpoint({
    method: 'POST',
    path: '/step-up',
    tags: stepUpTags,
    body: StepUpRequest,
    response: StepUpStatus,
  }),
  /** End this session's elevation now. */
  drop: defineEndpoint({ method: 'DELETE', path: '/step-up', tags: stepUpTags, response: StepUpStatus }),
  /** Start enrolling an authenticator: needs a fresh step-up, or the one-time set-up code IT issued. */
  enrolTotp: defineEndpoint({
    method: 'POST',
    path: '/step-up/totp/enrol',
    tags: stepUpTags,
    body: TotpEnrolRequest.nullish(),
    response: TotpEnrolment,
  }),
  /** Finish enrolling with the first code; answers the ten recovery codes (shown once). */
  confirmTotp: defineEndpoint({
    method: 'POST',
    path: '/step-up/totp/confirm',
    tags: stepUpTags,
    body: TotpCode,
    response: TotpConfirmed,
  }),
  /** Replace the recovery codes (step-up). */
  newRecoveryCodes: defineEndpoint({
    method: 'POST',
    path: '/step-up/recovery-codes',
    tags: stepUpTags,
    response: RecoveryCodes,
  }),
  /** Remove the caller's authenticator and recovery codes (step-up). */
  removeTotp: defineEndpoint({ method: 'DELETE', path: '/step-up/totp', tags: stepUpTags }),
}
