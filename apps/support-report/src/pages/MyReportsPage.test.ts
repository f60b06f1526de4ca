import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { BASE_REPORT_FORM, type SupportReport } from '@suite/domain'
import { makeSupportReport } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryStore } from '../outbox/memory-store'
import { useOutboxStore } from '../stores/outbox'
import MyReportsPage from './MyReportsPage.vue'

describe('MyReportsPage', () => {
  it("shows each report's state, the verdict IT sent, drills, and what still waits on the device", async () => {
    const myReports = vi.fn().mockResolvedValue({
      items: [
        makeSupportReport({
          id: 'rep_2' as SupportReport['id'],
          status: 'confirmed_scam',
          resolution: 'Blocked firm-wide.',
        }),
        makeSupportReport({
          id: 'rep_3' as SupportReport['id'],
          campaignId: 'DRILL-2026Q4-ABC123',
          identifierDisplay: '+852 5550 0100',
        }),
      ],
      nextCursor: null,
    })
    const down = {
      upload: vi.fn(),
      submit: vi.fn().mockRejectedValue({
        status: 400,
        code: 'validation_failed',
        message: 'Some fields are not valid',
        fields: [{ path: 'values.identifier', code: 'required', message: 'Required' }],
      }),
    }
    const { wrapper } = await mountWithSuite(MyReportsPage, {
      api: fakeApi({ support: { myReports } }),
      locale: 'en',
      route: '/mine',
    })
    const outbox = useOutboxStore()
    await outbox.start(
      { support: { uploadAttachment: down.upload, submitReport: down.submit } } as never,
      createMemoryStore(),
      new EventTarget(),
    )
    await outbox.add({ formVersion: 1, values: { identifier: '' }, summary: 'typed offline' })
    await vi.waitFor(() => expect(outbox.items[0]?.state).toBe('rejected'))
    await flushPromises()

    const waiting = wrapper.get('.mine-page__waiting')
    expect(waiting.text()).toContain('Needs correction')
    expect(waiting.text()).toContain('identifier: Required')
    expect(waiting.get('a').attributes('href')).toContain('/report?fix=')
    const cards = wrapper.findAll('[data-report]')
    expect(cards.map((c) => c.find('[data-state]').attributes('data-state'))).toEqual(['confirmed_scam', 'new'])
    expect(cards[0]!.text()).toContain('IT says: Blocked firm-wide.')
    expect(cards[1]!.text()).toContain('This was a drill (DRILL-2026Q4-ABC123)')
    // Each report opens its own page.
    expect(cards.map((c) => c.attributes('href'))).toEqual(['/reports/rep_2', '/reports/rep_3'])
    expect(cards[0]!.text()).toContain('(Hong Kong time)')
  })

  it('shows an empty state, and an error with retry', async () => {
    const empty = await mountWithSuite(MyReportsPage, {
      api: fakeApi({ support: { myReports: vi.fn().mockResolvedValue({ items: [], nextCursor: null }) } }),
      route: '/mine',
    })
    expect(empty.wrapper.text()).toContain('你還沒有回報任何事項。')
    const myReports = vi
      .fn()
      .mockRejectedValueOnce({ code: 'network_error', status: 0 })
      .mockResolvedValue({ items: [makeSupportReport()], nextCursor: null })
    const { wrapper } = await mountWithSuite(MyReportsPage, {
      api: fakeApi({ support: { myReports } }),
      route: '/mine',
      locale: 'en',
    })
    expect(wrapper.get('[role="alert"]').text()).toContain('Cannot reach the server')
    await wrapper.get('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-report]')).toHaveLength(1)
  })

  it("names a refused report's fields with the form's labels and says what is wrong in the reader's language", async () => {
    const form = {
      ...BASE_REPORT_FORM,
      fields: [
        ...BASE_REPORT_FORM.fields,
        {
          name: 'clientMatter',
          type: 'text',
          pattern: '[A-Z]+ \\d+/\\d{4}',
          label: { 'zh-HK': '相關案件編號', 'zh-CN': '相关案件编号', en: 'Related case number' },
          patternMessage: {
            'zh-HK': '請按「HCA 1234/2026」的格式填寫',
            'zh-CN': '请按“HCA 1234/2026”的格式填写',
            en: 'Write it like HCA 1234/2026',
          },
        },
      ],
    }
    localStorage.setItem(
      'suite-support-report:form',
      JSON.stringify({ version: 2, schema: form, publishedAt: '2026-11-20T02:00:00.000Z' }),
    )
    try {
      const refused = {
        status: 400,
        code: 'validation_failed',
        message: 'Some fields are not valid',
        fields: [
          { path: 'values.clientMatter', code: 'pattern_mismatch', message: 'Does not have the expected format' },
          { path: 'values.identifier', code: 'required', message: 'Required' },
        ],
      }
      const { wrapper } = await mountWithSuite(MyReportsPage, {
        api: fakeApi({ support: { myReports: vi.fn().mockResolvedValue({ items: [], nextCursor: null }) } }),
        route: '/mine',
      })
      const outbox = useOutboxStore()
      await outbox.start(
        { support: { uploadAttachment: vi.fn(), submitReport: vi.fn().mockRejectedValue(refused) } } as never,
        createMemoryStore(),
        new EventTarget(),
      )
      await outbox.add({ formVersion: 2, values: { identifier: '', clientMatter: 'hca1234' }, summary: 'refused' })
      await vi.waitFor(() => expect(outbox.items[0]?.state).toBe('rejected'))
      await flushPromises()
      const waiting = wrapper.get('.mine-page__waiting')
      expect(waiting.findAll('li').map((li) => li.text())).toEqual([
        '相關案件編號：請按「HCA 1234/2026」的格式填寫',
        '號碼、連結、電郵或帳號：必須填寫',
      ])
      expect(waiting.text()).not.toContain('Some fields are not valid')
    } finally {
      localStorage.removeItem('suite-support-report:form')
    }
  })
})
