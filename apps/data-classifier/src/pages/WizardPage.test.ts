import 'fake-indexeddb/auto'
import { useSessionStore } from '@suite/app-kit'
import { mountWithSuite } from '@suite/app-kit/testing'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import { makeSession } from '@suite/domain/testing'
import { describe, expect, it, vi } from 'vitest'
import { indexedDbStorage, type KeyValueStorage } from '../composables/use-wizard-persistence'
import { useWizardStore } from '../stores/wizard'
import { freshPinia, memoryStorage, settle } from '../testing/helpers'
import WizardPage from './WizardPage.vue'

const policy = {
  version: 4,
  policy: DEFAULT_LABEL_POLICY,
  note: 'v4',
  createdBy: 'u-ng',
  createdByName: 'Ng',
  createdAt: '2025-01-01T00:00:00.000Z',
}

async function mountPage(storage: KeyValueStorage, loadPolicy = vi.fn(async () => policy)) {
  const pinia = freshPinia()
  useSessionStore().setSession(makeSession())
  const { wrapper } = await mountWithSuite(WizardPage, {
    pinia,
    locale: 'zh-HK',
    props: {
      storage,
      loadPolicy,
      createWorker: () => {
        throw new Error('no worker in this test')
      },
    },
  })
  await vi.waitFor(() => expect(wrapper.find('.wizard-page').exists()).toBe(true))
  await settle()
  return { wrapper, store: useWizardStore() }
}

describe('WizardPage', () => {
  it('loads the policy in force and blocks Next until there is a source', async () => {
    const { wrapper, store } = await mountPage(memoryStorage())
    expect(store.policyVersion).toBe(4)
    expect(wrapper.find('h2').text()).toBe('選擇來源')
    expect(wrapper.find('[data-test="next"]').attributes('disabled')).toBeDefined()
    await vi.waitFor(() => expect(wrapper.find('#dc-paste').exists()).toBe(true))
    await wrapper.find('#dc-paste').setValue('身份證 A123456(3)')
    await wrapper.find('[data-test="add-pasted"]').trigger('click')
    expect(store.sources.map((s) => s.name)).toEqual(['貼上的文字 1'])
    expect(wrapper.find('[data-test="next"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('falls back to the built-in policy when the backend cannot be reached', async () => {
    const { wrapper, store } = await mountPage(
      memoryStorage(),
      vi.fn(async () => {
        throw new Error('offline')
      }),
    )
    expect(store.policyVersion).toBe(0)
    expect(wrapper.text()).toContain('現使用內置政策')
    wrapper.unmount()
  })

  it.each([
    ['an in-memory store', memoryStorage],
    ['IndexedDB', () => indexedDbStorage],
  ] as const)('keeps the wizard across visits (%s)', async (_name, make) => {
    const storage = make()
    const first = await mountPage(storage)
    first.store.addText('身份證 A123456(3)', 'pasted', 'notes')
    const id = first.store.sources[0]!.id
    first.store.setResult(
      id,
      [
        {
          id: 0,
          type: 'hk_id',
          start: 4,
          end: 14,
          confidence: 0.95,
          masked: 'A123***(*)',
          snippet: '身份證 [A123***(*)]',
          dismissed: { reason: 'test_data', note: 'demo' },
        },
      ],
      14,
    )
    first.store.setFlow(id, 'overseas', 'external')
    first.store.goTo(4)
    // Saved after a short debounce, to IndexedDB or the stand-in.
    await vi.waitFor(
      async () => expect(await storage.get('data-classifier:wizard:u-chan')).toMatchObject({ step: 4 }),
      { timeout: 5000 },
    )
    first.wrapper.unmount()

    const again = await mountPage(storage)
    expect(again.store.step).toBe(4)
    expect(again.store.sources[0]).toMatchObject({
      name: 'notes',
      status: 'done',
      storedIn: 'overseas',
      reach: 'external',
      text: '身份證 A123456(3)',
    })
    expect(again.store.sources[0]!.findings[0]!.dismissed).toEqual({ reason: 'test_data', note: 'demo' })
    expect(again.wrapper.find('h2').text()).toBe('資料流向圖')
    await again.wrapper.find('[data-test="back"]').trigger('click')
    expect(again.store.step).toBe(3)
    again.wrapper.unmount()
  })

  it('marks a scan that was running when the page closed as cancelled', async () => {
    const storage = memoryStorage()
    const first = await mountPage(storage)
    first.store.addText('x', 'pasted', 'p')
    first.store.markScanning(first.store.sources[0]!.id)
    await first.wrapper.vm.$nextTick()
    first.wrapper.unmount()
    await settle()
    const again = await mountPage(storage)
    expect(again.store.sources[0]!.status).toBe('cancelled')
    again.wrapper.unmount()
  })
})
