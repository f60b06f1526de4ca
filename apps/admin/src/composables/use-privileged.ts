import { useStepUp } from '@suite/app-kit'
import { useStepUpStore } from '../stores/step-up'

/**
 * Wrap privileged calls: when the server answers `step_up_required`, open the step-up dialog and,
 * once the person confirmed, send the call again (once). Giving up rethrows the refusal.
 */
export function usePrivileged() {
  const stepUp = useStepUpStore()
  return useStepUp(() => stepUp.request()).privileged
}
