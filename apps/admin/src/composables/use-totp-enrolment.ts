import { isApiError, type ApiClient } from '@suite/api-client'
import { TotpEnrolRequest, type StepUpStatus, type TotpEnrolment } from '@suite/domain'
import { computed, shallowRef, watch } from 'vue'

type Privileged = <T>(call: () => Promise<T>) => Promise<T>

/** Options of {@link useTotpEnrolment}. */
export interface TotpEnrolmentDeps {
  api: Pick<ApiClient, 'admin'>
  privileged: Privileged
  /** Turns the otpauth:// URI into an image URL (the `qrcode` package in the app). */
  toQr: (text: string) => Promise<string>
  /** Inside the DingTalk client, where a fresh DingTalk confirmation proves it is the person. */
  inDingTalk: boolean
}

/** Why a set-up code was not taken: not shaped like one, or the server did not accept it. */
export type SetUpCodeProblem = 'format' | 'invalid'

/** People copy codes with spaces and in lower case; the server wants `ABCD-EFGH-JKMN` (hyphens optional). */
const normaliseSetUpCode = (typed: string) => typed.toUpperCase().replace(/\s+/g, '')

/**
 * Setting up the authenticator: start (secret + QR), confirm with the first code, then show the
 * ten recovery codes once. Starting needs proof beyond the session: a step-up (a DingTalk
 * confirmation inside DingTalk, the current authenticator when replacing it), or a one-time
 * set-up code from IT, for someone outside DingTalk or without a DingTalk account.
 */
export function useTotpEnrolment(deps: TotpEnrolmentDeps) {
  const status = shallowRef<StepUpStatus | null>(null)
  const enrolment = shallowRef<TotpEnrolment | null>(null)
  const qr = shallowRef<string | null>(null)
  const code = shallowRef('')
  const setUpCode = shallowRef('')
  const setUpCodeProblem = shallowRef<SetUpCodeProblem | null>(null)
  /** The enrolment shown was started with a set-up code: leaving before the first code wastes it. */
  const startedWithSetUpCode = shallowRef(false)
  const recoveryCodes = shallowRef<string[] | null>(null)
  const busy = shallowRef(false)
  const error = shallowRef<unknown>(null)
  // Once the person types again, the problem with what they typed before no longer applies.
  watch(setUpCode, () => {
    setUpCodeProblem.value = null
  })

  /** No authenticator, not confirmed, and no DingTalk here to confirm with: only a set-up code from IT will do. */
  const needsSetUpCode = computed(() => {
    const s = status.value
    return !!s && !s.totpEnrolled && !s.elevatedUntil && !(deps.inDingTalk && s.dingtalkAvailable)
  })

  async function run<T>(call: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = null
    try {
      return await call()
    } catch (e) {
      error.value = e
      return null
    } finally {
      busy.value = false
    }
  }

  const load = async () => {
    status.value = (await run(() => deps.api.admin.stepUp.status())) ?? status.value
  }

  async function begin(e: TotpEnrolment | null, withCode: boolean): Promise<boolean> {
    if (!e) return false
    enrolment.value = e
    startedWithSetUpCode.value = withCode
    qr.value = await deps.toQr(e.otpauthUri)
    return true
  }

  /** Start with a step-up: the server asks for one (`step_up_required`) and the dialog opens. */
  async function start(): Promise<void> {
    recoveryCodes.value = null
    await begin(await run(() => deps.privileged(() => deps.api.admin.stepUp.enrolTotp())), false)
  }

  /** Start with the set-up code typed; a wrong one stays in the field with its problem beside it. */
  async function startWithCode(): Promise<boolean> {
    setUpCodeProblem.value = null
    const parsed = TotpEnrolRequest.safeParse({ enrolmentCode: normaliseSetUpCode(setUpCode.value) })
    const enrolmentCode = parsed.success ? parsed.data.enrolmentCode : undefined
    if (!enrolmentCode) {
      setUpCodeProblem.value = 'format'
      return false
    }
    recoveryCodes.value = null
    const started = await begin(await run(() => deps.api.admin.stepUp.enrolTotp(enrolmentCode)), true)
    const refused = isApiError(error.value) ? error.value.fields.find((f) => f.path === 'enrolmentCode') : undefined
    if (refused) {
      setUpCodeProblem.value = refused.code === 'invalid_code' ? 'invalid' : 'format'
      error.value = null
    }
    if (started) setUpCode.value = ''
    return started
  }

  async function confirm(): Promise<boolean> {
    const r = await run(() => deps.api.admin.stepUp.confirmTotp(code.value.trim()))
    if (!r) return false
    recoveryCodes.value = r.codes
    status.value = r.status
    enrolment.value = null
    startedWithSetUpCode.value = false
    qr.value = null
    code.value = ''
    return true
  }

  async function newCodes(): Promise<void> {
    const r = await run(() => deps.privileged(() => deps.api.admin.stepUp.newRecoveryCodes()))
    if (r) {
      recoveryCodes.value = r.codes
      await load()
    }
  }

  return {
    status,
    enrolment,
    qr,
    code,
    setUpCode,
    setUpCodeProblem,
    startedWithSetUpCode,
    recoveryCodes,
    busy,
    error,
    needsSetUpCode,
    load,
    start,
    startWithCode,
    confirm,
    newCodes,
  }
}
