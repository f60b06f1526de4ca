import { computed } from 'vue'
import { needsJustification } from '../lib/findings'
import { STEPS } from '../lib/types'
import { useWizardStore } from '../stores/wizard'

/**
 * Which step the wizard is on and whether the reviewer may go on: sources first, a finished
 * scan before review, a written justification for every label below its suggestion.
 */
export function useWizardSteps() {
  const store = useWizardStore()
  const name = computed(() => STEPS[store.step]!)

  /** Why "Next" is disabled (a message key), or null. */
  const blocker = computed<string | null>(() => {
    switch (name.value) {
      case 'sources':
        return store.sources.length ? null : 'classifier.next.needSources'
      case 'scan':
        if (store.sources.some((s) => s.status === 'scanning' || s.status === 'pending'))
          return 'classifier.next.scanRunning'
        return store.scanned.length ? null : 'classifier.next.needScan'
      case 'label':
        return store.scanned.some((s) => needsJustification(store.policy, s) && !s.justification.trim())
          ? 'classifier.next.needJustification'
          : null
      default:
        return null
    }
  })

  const isLast = computed(() => store.step === STEPS.length - 1)
  const next = (): void => {
    if (!blocker.value) store.goTo(store.step + 1)
  }
  const back = (): void => store.goTo(store.step - 1)
  return { name, blocker, isLast, next, back }
}
