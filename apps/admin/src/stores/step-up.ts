import { acceptHMRUpdate, defineStore } from 'pinia'
import { shallowRef } from 'vue'

/**
 * The one step-up dialog of the app: a privileged call that answered `step_up_required` asks
 * here, the dialog resolves with true once the person confirmed, false when they gave up.
 */
export const useStepUpStore = defineStore('step-up', () => {
  const open = shallowRef(false)
  let waiting: ((ok: boolean) => void) | null = null

  /** Show the dialog and wait for the person. */
  function request(): Promise<boolean> {
    waiting?.(false)
    open.value = true
    return new Promise((resolve) => {
      waiting = resolve
    })
  }

  /** Close the dialog with its outcome. */
  function settle(ok: boolean): void {
    open.value = false
    waiting?.(ok)
    waiting = null
  }

  return { open, request, settle }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStepUpStore, import.meta.hot))
