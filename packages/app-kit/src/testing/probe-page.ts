import type { Http } from '@suite/api-client'
import { defineComponent, h, inject, onMounted, onUnmounted, shallowRef } from 'vue'
import { z } from 'zod'
import { SUITE_KIT } from '../kit'

/** How often the probe page was mounted and unmounted, and what its last save answered. */
export interface ProbeLog {
  mounted: number
  unmounted: number
  saves: string[]
}

/**
 * A page with a text box and a Save button that sends `GET <base>/probe` through the app's own
 * API client (the one the kernel built from the app's `createApi`). Test-only.
 */
export function probePage(log: ProbeLog) {
  return defineComponent({
    name: 'ProbePage',
    setup() {
      const kit = inject(SUITE_KIT)
      if (!kit) throw new Error('probePage: mount under createSuiteApp')
      const status = shallowRef('')
      onMounted(() => {
        log.mounted++
      })
      onUnmounted(() => {
        log.unmounted++
      })
      async function save(): Promise<void> {
        const api = (await kit!.loadApi()) as Http
        try {
          await api.request(z.unknown(), { url: '/probe' })
          status.value = 'saved'
        } catch {
          status.value = 'failed'
        }
        log.saves.push(status.value)
      }
      return () =>
        h('form', { class: 'probe-page', onSubmit: (e: Event) => e.preventDefault() }, [
          h('textarea', { 'aria-label': 'Note' }),
          h('button', { type: 'button', class: 'probe-save', onClick: save }, 'Save'),
          h('output', status.value),
        ])
    },
  })
}
