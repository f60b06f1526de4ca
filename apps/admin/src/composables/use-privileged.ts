import { isApiError } from '@suite/api-client'
import { useStepUpStore } from '../stores/step-up'

/**
 * Wrap privileged calls: when the server answers `step_up_required`, open the step-up dialog and,
 * once the person confirmed, send the call again (once). Giving up rethrows the refusal.
 */
export function usePrivileged() {
  const stepUp = useStepUpStore()
  return async function privileged<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (e) {
      if (isApiError(e) && e.code === 'step_up_required' && (await stepUp.request())) return call()
      throw e
    }
  }
}
