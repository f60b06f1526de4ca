import { stepUpApi, type StepUpMethod } from '@suite/domain'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../deps'
import { auditFor, requireUser, type AuthContext } from '../http/auth-context'
import { serve } from '../http/endpoint'
import { HttpError } from '../http/errors'
import { installStepUp, requireStepUp } from '../http/step-up'
import { claimAuthCode } from './sessions'
import {
  checkTotp,
  confirmTotp,
  findEnrolmentCode,
  dropStepUp,
  grantStepUp,
  removeSecondFactor,
  replaceRecoveryCodes,
  startTotpEnrolment,
  stepUpStatus,
  useRecoveryCode,
  type StepUpSubject,
} from './step-up'
import { authRepo } from './repo'
import { SECOND_FACTOR_KIND, authText } from './messages'
import { DingTalkApiError } from '../dingtalk/client'
import { notifyEach } from '../jobs/notify'

/** Failed confirmations a user may make in {@link LOCKOUT_MINUTES} before being told to wait. */
const MAX_FAILURES = 5
/** 409 with the field code the apps turn into "set up your authenticator" (not "someone else changed this"). */
const notEnrolled = () =>
  new HttpError('conflict', 'Set up an authenticator first', [
    { path: 'method', code: 'totp_not_enrolled', message: 'Set up an authenticator first' },
  ])
const LOCKOUT_MINUTES = 15

const subject = (a: AuthContext): StepUpSubject => ({
  userId: a.user.id,
  sessionIdHash: a.sessionIdHash,
  dingtalkUserId: a.user.dingtalk_user_id,
})

/**
 * Step-up confirmation: TOTP enrolment with recovery codes, and the confirmation itself (TOTP,
 * recovery code or a fresh DingTalk auth code), which elevates the session for five minutes.
 * Every success and failure is audited. Also installs the shared `requireStepUp` guard.
 */
export async function stepUpRoutes(app: App, deps: Deps): Promise<void> {
  const { db, secret } = deps
  installStepUp(app, { db, now: deps.now })
  // Per session (people behind one office NAT share an IP); the per-user lockout below counts failures.
  const limited = {
    rateLimit: {
      max: 30,
      timeWindow: '1 minute',
      keyGenerator: (req: FastifyRequest) => req.cookies.suite_sid ?? req.ip,
    },
  }

  const status = (a: AuthContext) => stepUpStatus(db, subject(a), deps.now())

  async function fail(
    req: FastifyRequest,
    a: AuthContext,
    method: StepUpMethod | 'enrolment_code',
    reason: string,
    error: HttpError,
  ): Promise<never> {
    await db.tx((q) =>
      auditFor(req, q, {
        action: 'step_up.failed',
        targetType: 'user',
        targetId: a.user.id,
        detail: { method, reason },
      }),
    )
    throw error
  }

  async function refuseIfLockedOut(a: AuthContext): Promise<void> {
    const since = new Date(deps.now().getTime() - LOCKOUT_MINUTES * 60_000)
    if ((await authRepo.stepUpFailuresSince(db, a.user.id, since)) >= MAX_FAILURES) {
      throw new HttpError('rate_limited', `Too many wrong codes; wait ${LOCKOUT_MINUTES} minutes and try again`)
    }
  }

  serve(app, stepUpApi.status, async (req) => status(requireUser(req)))

  serve(
    app,
    stepUpApi.confirm,
    async (req) => {
      const a = requireUser(req)
      await refuseIfLockedOut(a)
      const body = req.body
      const wrongCode = (message: string) =>
        new HttpError('validation_failed', message, [{ path: 'code', code: 'invalid_code', message }])
      if (body.method === 'dingtalk') {
        if (!a.user.dingtalk_user_id)
          return fail(
            req,
            a,
            'dingtalk',
            'no_dingtalk_account',
            new HttpError('forbidden', 'Your account has no DingTalk identity; use your authenticator'),
          )
        if (!(await claimAuthCode(db, body.code)))
          return fail(req, a, 'dingtalk', 'code_replayed', wrongCode('This DingTalk code was already used'))
        let userid: string
        try {
          userid = (await deps.dingtalk.userInfoByCode(body.code)).userid
        } catch (e) {
          if (e instanceof DingTalkApiError && e.kind === 'rejected')
            return fail(req, a, 'dingtalk', 'code_rejected', wrongCode('DingTalk did not accept this code'))
          throw new HttpError('upstream_unavailable', 'DingTalk is not answering right now; try again in a moment')
        }
        if (userid !== a.user.dingtalk_user_id)
          return fail(
            req,
            a,
            'dingtalk',
            'different_user',
            new HttpError('forbidden', 'That DingTalk confirmation belongs to someone else'),
          )
      } else if (body.method === 'totp') {
        const problem = await db.tx((q) => checkTotp(q, secret, a.user.id, body.code, deps.now()))
        if (problem === 'not_enrolled') throw notEnrolled()
        if (problem)
          return fail(
            req,
            a,
            'totp',
            problem,
            wrongCode(
              problem === 'code_reused'
                ? 'This code was already used; wait for the next one'
                : 'That code is not right',
            ),
          )
      } else {
        const ok = await db.tx((q) => useRecoveryCode(q, secret, a.user.id, body.code, deps.now()))
        if (!ok)
          return fail(
            req,
            a,
            'recovery_code',
            'invalid_code',
            wrongCode('That recovery code is not right or was used before'),
          )
      }
      await db.tx(async (q) => {
        const until = await grantStepUp(q, subject(a), body.method, deps.now())
        await auditFor(req, q, {
          action: 'step_up.granted',
          targetType: 'user',
          targetId: a.user.id,
          detail: { method: body.method, until: until.toISOString() },
        })
      })
      return status(a)
    },
    { config: limited },
  )

  serve(app, stepUpApi.drop, async (req) => {
    const a = requireUser(req)
    await dropStepUp(db, a.sessionIdHash)
    return status(a)
  })

  // Setting up an authenticator is what a thief with a session would do first: it needs proof
  // beyond the session. Either a fresh step-up (a DingTalk confirmation, or the current
  // authenticator when replacing it), or a one-time set-up code an IT administrator issued.
  serve(
    app,
    stepUpApi.enrolTotp,
    async (req) => {
      const a = requireUser(req)
      await refuseIfLockedOut(a)
      const current = await status(a)
      const enrolmentCode = current.totpEnrolled ? undefined : req.body?.enrolmentCode
      if (!enrolmentCode) {
        await requireStepUp(req, {
          action: current.totpEnrolled ? 'step_up.totp_replace' : 'step_up.totp_enrol',
          targetType: 'user',
          targetId: a.user.id,
        })
      }
      const org = await authRepo.org(db, a.user.org_id)
      const started = await db.tx(async (q) => {
        const codeId = enrolmentCode ? await findEnrolmentCode(q, secret, a.user.id, enrolmentCode, deps.now()) : null
        if (enrolmentCode && !codeId) return null
        const e = await startTotpEnrolment(q, secret, a.user, org?.name ?? 'DingTalk legal suite', deps.now(), codeId)
        await auditFor(req, q, {
          action: 'step_up.totp_enrolment_started',
          targetType: 'user',
          targetId: a.user.id,
          detail: { proof: codeId ? 'enrolment_code' : 'step_up', ...(codeId ? { enrolmentCodeId: codeId } : {}) },
        })
        return e
      })
      if (!started) {
        const message = 'That set-up code is not right, was used before or has expired; ask IT for a new one'
        return fail(
          req,
          a,
          'enrolment_code',
          'invalid_code',
          new HttpError('validation_failed', message, [{ path: 'enrolmentCode', code: 'invalid_code', message }]),
        )
      }
      return started
    },
    { config: limited },
  )

  serve(
    app,
    stepUpApi.confirmTotp,
    async (req) => {
      const a = requireUser(req)
      await refuseIfLockedOut(a)
      const confirmed = await db.tx(async (q) => {
        const c = await confirmTotp(q, secret, a.user.id, req.body.code, deps.now())
        if (!c.ok) return c
        await grantStepUp(q, subject(a), 'totp', deps.now())
        await auditFor(req, q, { action: 'step_up.totp_enrolled', targetType: 'user', targetId: a.user.id })
        await notifyEach(q, {
          userIds: [a.user.id],
          kind: SECOND_FACTOR_KIND,
          text: (locale) => authText(locale, 'secondFactorAdded'),
        })
        return c
      })
      if (!confirmed.ok) {
        const message =
          confirmed.reason === 'invalid_code'
            ? 'That code is not right'
            : 'The set-up code from IT has expired or was replaced; ask IT for a new one'
        return fail(
          req,
          a,
          'totp',
          confirmed.reason,
          new HttpError('validation_failed', message, [{ path: 'code', code: confirmed.reason, message }]),
        )
      }
      return { codes: confirmed.codes, status: await status(a) }
    },
    { config: limited },
  )

  serve(app, stepUpApi.newRecoveryCodes, async (req) => {
    const a = await requireStepUp(req, {
      action: 'step_up.recovery_codes_replace',
      targetType: 'user',
      targetId: requireUser(req).user.id,
    })
    if (!(await status(a)).totpEnrolled) throw notEnrolled()
    const codes = await db.tx(async (q) => {
      const c = await replaceRecoveryCodes(q, secret, a.user.id)
      await auditFor(req, q, { action: 'step_up.recovery_codes_replaced', targetType: 'user', targetId: a.user.id })
      return c
    })
    return { codes }
  })

  serve(app, stepUpApi.removeTotp, async (req, reply) => {
    const a = await requireStepUp(req, {
      action: 'step_up.totp_remove',
      targetType: 'user',
      targetId: requireUser(req).user.id,
    })
    await db.tx(async (q) => {
      await removeSecondFactor(q, a.user.id)
      await auditFor(req, q, { action: 'step_up.totp_removed', targetType: 'user', targetId: a.user.id })
      await notifyEach(q, {
        userIds: [a.user.id],
        kind: SECOND_FACTOR_KIND,
        text: (locale) => authText(locale, 'secondFactorRemoved'),
      })
    })
    return reply.send()
  })
}
