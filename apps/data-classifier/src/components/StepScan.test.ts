import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it, vi } from 'vitest'
import type { ScanWorker } from '../composables/use-scanner'
import { useWizardStore } from '../stores/wizard'
import { freshPinia, settle } from '../testing/helpers'
import { runScan, type ScanMessage, type ScanRequest } from '../workers/scan-job'
import StepScan from './StepScan.vue'

/** A worker that runs the real scan job in this thread, one message per tick, and records what it was sent. */
function fakeWorker(opts: { hold?: boolean } = {}) {
  const sent: ScanRequest[] = []
  let terminated = false
  const queued: ScanMessage[] = []
  const w: ScanWorker & { flush(): Promise<void> } = {
    onmessage: null,
    onerror: null,
    postMessage(req) {
      sent.push(req)
      void runScan(req, (m) => {
        queued.push(m)
      }).then(() => {
        if (!opts.hold) void w.flush()
      })
    },
    terminate() {
      terminated = true
    },
    async flush() {
      while (queued.length && !terminated) {
        w.onmessage?.({ data: queued.shift()! } as MessageEvent<ScanMessage>)
        await settle()
      }
    },
  }
  return { w, sent, isTerminated: () => terminated, queued }
}

describe('StepScan', () => {
  it('starts on its own and shows progress until every source is scanned', async () => {
    const pinia = freshPinia()
    const store = useWizardStore()
    store.addText('身份證 A123456(3)', 'pasted', 'p1')
    store.addText('nothing here', 'pasted', 'p2')
    const fake = fakeWorker()
    const { wrapper } = await mountWithSuite(StepScan, { pinia, props: { createWorker: () => fake.w } })
    await vi.waitFor(() => expect(store.sources.map((s) => s.status)).toEqual(['done', 'done']))
    await settle()
    expect(fake.sent).toHaveLength(1)
    expect(fake.sent[0]!.items.map((i) => i.name)).toEqual(['p1', 'p2'])
    expect(store.sources[0]!.findings.map((f) => f.masked)).toContain('A123***(*)')
    expect(wrapper.find('[data-test="scan-finished"]').text()).toContain('已掃描 2 個來源')
    expect(wrapper.find('.el-progress').attributes('aria-valuenow')).toBe('100')
    wrapper.unmount()
  })

  it('cancels at once, leaving the rest to scan again', async () => {
    const pinia = freshPinia()
    const store = useWizardStore()
    store.addText('A123456(3)', 'pasted', 'p1')
    store.addText('B', 'pasted', 'p2')
    const fake = fakeWorker({ hold: true })
    const { wrapper } = await mountWithSuite(StepScan, { pinia, props: { createWorker: () => fake.w } })
    await settle()
    // Deliver the first progress message only: p1 is being scanned.
    fake.w.onmessage?.({ data: fake.queued.shift()! } as MessageEvent<ScanMessage>)
    await settle()
    expect(wrapper.find('[data-test="scan-current"]').text()).toContain('p1')
    await wrapper.find('[data-test="cancel-scan"]').trigger('click')
    expect(fake.isTerminated()).toBe(true)
    expect(store.sources.map((s) => s.status)).toEqual(['cancelled', 'cancelled'])
    expect(wrapper.find('[data-test="scan-waiting"]').text()).toContain('2 個來源等候掃描')
    expect(wrapper.find('[data-test="start-scan"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
