import type { ApiClient } from '@suite/api-client'
import type { StepUpStatus, TotpEnrolment } from '@suite/domain'
import { shallowRef } from 'vue'

type Privileged = <T>(call: () => Promise<T>) => Promise<T>

/** Options of {@link useTotpEnrolment}. */
export interface TotpEnrolmentDeps {
  api: Pick<ApiClient, 'admin'>
  privileged: Privileged
  /** Turns the otpauth:// URI into an image URL (the `qrcode` package in the app). */
  toQr: (text: string) => Promise<string>
}

/**
 * Setting up the authenticator: start (secret + QR), confirm with the first code, then show the
 * ten recovery codes once. Replacing a working authenticator needs a step-up.
 */
export function useTotpEnrolment(deps: TotpEnrolmentDeps) {
  const status = shallowRef<StepUpStatus | null>(null)
  const enrolment = shallowRef<TotpEnrolment | null>(null)
  const qr = shallowRef<string | null>(null)
  const code = shallowRef('')
  const recoveryCodes = shallowRef<string[] | null>(null)
  const busy = shallowRef(false)
  const error = shallowRef<unknown>(null)

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

  const load = async () => { status.value = await run(() => deps.api.admin.stepUp.status()) ?? status.value }

  async function start(): Promise<void> {
    recoveryCodes.value = null
    const e = await run(() => deps.privileged(() => deps.api.admin.stepUp.enrolTotp()))
    if (!e) return
    enrolment.value = e
    qr.value = await deps.toQr(e.otpauthUri)
  }

  async function confirm(): Promise<boolean> {
    const r = await run(() => deps.api.admin.stepUp.confirmTotp(code.value.trim()))
    if (!r) return false
    recoveryCodes.value = r.codes
    status.value = r.status
    enrolment.value = null
    qr.value = null
    code.value = ''
    return true
  }

  async function newCodes(): Promise<void> {
    const r = await run(() => deps.privileged(() => deps.api.admin.stepUp.newRecoveryCodes()))
    if (r) { recoveryCodes.value = r.codes; await load() }
  }

  return { status, enrolment, qr, code, recoveryCodes, busy, error, load, start, confirm, newCodes }
}
