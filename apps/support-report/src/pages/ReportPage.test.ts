import type { ApiClient } from '@suite/api-client'
import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { BASE_REPORT_FORM } from '@suite/domain'
import { flushPromises } from '@vue/test-utils'
import { ElMessage } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryStore } from '../outbox/memory-store'
import { useOutboxStore } from '../stores/outbox'
import ReportPage from './ReportPage.vue'

/** A fake of the `support` resource: only the methods a test gives exist. */
type FakeSupport = Partial<ApiClient['support']>

const support = (over: FakeSupport = {}): FakeSupport => ({
  form: vi.fn().mockResolvedValue({ version: 3, schema: BASE_REPORT_FORM, publishedAt: '2026-11-01T00:00:00.000Z' }),
  checkLists: vi.fn().mockResolvedValue({
    official: [{ kind: 'url', value: 'dingtalk.com', label: 'DingTalk' }],
    knownScams: [{ kind: 'phone', value: '+85261234567' }],
    updatedAt: '2026-11-01T00:00:00.000Z',
  }),
  ...over,
})

type Wrapper = Awaited<ReturnType<typeof mountWithSuite>>['wrapper']
/** The page's form values (what the selects would set). */
async function setValues(wrapper: Wrapper, patch: Record<string, unknown>) {
  const state = (wrapper.vm as unknown as { $: { setupState: { values: Record<string, unknown> } } }).$.setupState
  state.values = { ...state.values, ...patch }
  await flushPromises()
}

async function typeIdentifier(wrapper: Awaited<ReturnType<typeof mountWithSuite>>['wrapper'], text: string) {
  await wrapper.get('[data-field="identifier"] input').setValue(text)
  await flushPromises()
}

describe('ReportPage', () => {
  it("renders the report form from its schema, in the user's language", async () => {
    const { wrapper } = await mountWithSuite(ReportPage, { api: fakeApi({ support: support() }), route: '/report' })
    const labels = wrapper.findAll('.el-form-item__label').map((l) => l.text())
    expect(labels.slice(0, 2)).toEqual(['對方用甚麼聯絡你？', '號碼、連結、電郵或帳號'])
    expect(wrapper.find('[data-field="screenshots"]').exists()).toBe(true)
  })

  it('checks while the user types, before anything is sent', async () => {
    const api = support()
    const { wrapper } = await mountWithSuite(ReportPage, {
      api: fakeApi({ support: api }),
      route: '/report',
      locale: 'en',
    })
    expect(wrapper.get('[data-test="verdict"]').text()).toContain('Type the number')
    await typeIdentifier(wrapper, '6123 4567')
    expect(wrapper.get('[data-verdict]').text()).toBe('Known scam')
    // The default claim is "DingTalk customer service", which has no phone line in Hong Kong.
    await typeIdentifier(wrapper, '+852 9876 5432')
    expect(wrapper.get('[data-verdict]').text()).toBe('Suspicious')
    expect(wrapper.get('[data-test="verdict"]').text()).toContain('DingTalk has no customer-service phone line')
    await setValues(wrapper, { identifierKind: 'url', claimedIdentity: 'unknown' })
    await typeIdentifier(wrapper, 'https://example.org/pay')
    expect(wrapper.get('[data-verdict]').text()).toBe('No record: this does not mean it is safe')
    expect(api.submitReport).toBeUndefined()
  })

  it('tells someone who gave a code away what to do at once', async () => {
    const { wrapper } = await mountWithSuite(ReportPage, {
      api: fakeApi({ support: support() }),
      route: '/report',
      locale: 'en',
    })
    expect(wrapper.get('[data-test="guidance"]').text()).not.toContain('change your DingTalk password')
    await setValues(wrapper, { complied: 'yes' })
    expect(wrapper.get('[data-test="guidance"] [role="alert"]').text()).toContain(
      'change your DingTalk password now and tell IT',
    )
  })

  it('stores the report on the device and sends it with an Idempotency-Key', async () => {
    const submitReport = vi.fn().mockResolvedValue({ id: 'rep_1' })
    const api = support({ submitReport, uploadAttachment: vi.fn() })
    const { wrapper, router } = await mountWithSuite(ReportPage, { api: fakeApi({ support: api }), route: '/report' })
    const store = createMemoryStore()
    await useOutboxStore().start({ support: api } as never, store, new EventTarget())
    await typeIdentifier(wrapper, '+852 9876 5432')
    await setValues(wrapper, { channel: 'call' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(submitReport).toHaveBeenCalled())
    const [key, body] = submitReport.mock.calls[0]!
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(body).toMatchObject({
      formVersion: 3,
      values: {
        identifierKind: 'phone',
        identifier: '+852 9876 5432',
        channel: 'call',
        claimedIdentity: 'dingtalk_support',
        complied: 'no',
      },
    })
    expect([...store.raw.values()].map((i) => [i.key, i.state])).toEqual([[key, 'sent']])
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('mine'))
  })

  it('works offline with the form and lists saved on the device', async () => {
    await mountWithSuite(ReportPage, { api: fakeApi({ support: support() }), route: '/report' })
    const down = {
      form: vi.fn().mockRejectedValue({ code: 'network_error', status: 0 }),
      checkLists: vi.fn().mockRejectedValue({ code: 'network_error', status: 0 }),
    }
    const { wrapper } = await mountWithSuite(ReportPage, {
      api: fakeApi({ support: down }),
      route: '/report',
      locale: 'en',
    })
    expect(wrapper.text()).toContain('Offline: using the form saved on this device.')
    await typeIdentifier(wrapper, '61234567')
    expect(wrapper.get('[data-verdict]').text()).toBe('Known scam')
    expect(wrapper.text()).toContain('Offline: checked against the lists saved on this device.')
  })

  describe('says what happened to the report when it is sent', () => {
    afterEach(() => {
      ElMessage.closeAll()
    })
    const toast = () => [...document.body.querySelectorAll('.el-message')].at(-1)
    const cases: [string, () => Promise<unknown>, string, string, 'zh-HK' | 'en'][] = [
      ['sent', () => Promise.resolve({ id: 'rep_9' }), 'success', 'Sent to IT.', 'en'],
      [
        'kept because there is no connection',
        () => Promise.reject({ code: 'network_error', status: 0 }),
        'warning',
        'No connection: the report is saved on this device and will be sent when you are back online.',
        'en',
      ],
      [
        'kept because the server could not take it',
        () => Promise.reject({ code: 'unavailable', status: 503 }),
        'warning',
        'Could not reach IT just now: the report is saved on this device and will be sent automatically.',
        'en',
      ],
      [
        'refused',
        () => Promise.reject({ code: 'validation_failed', status: 400, message: 'no', fields: [] }),
        'error',
        '回報未能送出：資訊科技部的伺服器拒絕了它。請到「我的回報」修正。',
        'zh-HK',
      ],
    ]
    it.each(cases)('%s', async (_name, answer, type, text, locale) => {
      const submitReport = vi.fn(answer as ApiClient['support']['submitReport'])
      const api = support({ submitReport, uploadAttachment: vi.fn() })
      const { wrapper, router } = await mountWithSuite(ReportPage, {
        api: fakeApi({ support: api }),
        route: '/report',
        locale,
      })
      await useOutboxStore().start({ support: api } as never, createMemoryStore(), new EventTarget())
      await typeIdentifier(wrapper, '+852 9876 5432')
      await setValues(wrapper, { channel: 'call' })
      await wrapper.get('form').trigger('submit')
      await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('mine'))
      expect(submitReport).toHaveBeenCalledTimes(1)
      expect(toast()?.classList).toContain(`el-message--${type}`)
      expect(toast()?.textContent).toBe(text)
    })
  })
})
