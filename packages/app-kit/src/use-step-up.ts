import { isApiError } from '@suite/api-client'

/** What {@link withStepUp} resolves with: the call's value, or `done: false` when the person did not confirm. */
export type StepUpResult<T> = { done: true; value: T } | { done: false }

/** Asks the person to confirm who they are (a dialog, a fresh DingTalk auth code); true once the session is elevated. */
export type ConfirmStepUp = () => Promise<boolean>

/** True when the server refused a privileged call until the person confirms who they are again. */
export function isStepUpRequired(e: unknown): boolean {
  return isApiError(e) && e.code === 'step_up_required'
}

/** The call's value, or the server's refusal when the person did not confirm. */
async function attempt<T>(
  call: () => Promise<T>,
  confirm: ConfirmStepUp,
): Promise<{ done: true; value: T } | { done: false; refusal: unknown }> {
  try {
    return { done: true, value: await call() }
  } catch (e) {
    if (!isStepUpRequired(e)) throw e
    if (!(await confirm())) return { done: false, refusal: e }
  }
  return { done: true, value: await call() }
}

/**
 * Run a privileged call; when the server answers `step_up_required`, wait for `confirm()` and,
 * once the person confirmed, send the call again (once). Resolves `{ done: false }` when they
 * gave up; any other failure, or a second refusal, is thrown.
 */
export async function withStepUp<T>(call: () => Promise<T>, confirm: ConfirmStepUp): Promise<StepUpResult<T>> {
  const result = await attempt(call, confirm)
  return result.done ? result : { done: false }
}

/**
 * Step-up for privileged calls, with the app's own way to confirm: `withStepUp(call)` resolves
 * `{ done: false }` when the person gave up (nothing to show), `privileged(call)` rethrows the
 * server's refusal instead (a page that shows it as an error).
 *
 * @example
 * const stepUp = useStepUpStore()
 * const { privileged } = useStepUp(() => stepUp.request()) // the admin app's dialog
 * await privileged(() => api.admin.users.setRole(id, role))
 */
export function useStepUp(confirm: ConfirmStepUp) {
  return {
    withStepUp: <T>(call: () => Promise<T>): Promise<StepUpResult<T>> => withStepUp(call, confirm),
    async privileged<T>(call: () => Promise<T>): Promise<T> {
      const result = await attempt(call, confirm)
      if (!result.done) throw result.refusal
      return result.value
    },
  }
}
