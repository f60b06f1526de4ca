import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import DrillsPage from './DrillsPage.vue'

const dashboard = {
  quarters: ['2026-Q3', '2026-Q4'],
  departments: ['Corporate', 'Litigation'],
  drillRates: [
    { department: 'Litigation', quarter: '2026-Q3', targets: 4, reported: 1, rate: 0.25 },
    { department: 'Litigation', quarter: '2026-Q4', targets: 4, reported: 3, rate: 0.75 },
    { department: 'Corporate', quarter: '2026-Q4', targets: 2, reported: 2, rate: 1 },
  ],
  realReports: [{ department: 'Litigation', quarter: '2026-Q4', reports: 5, confirmed: 2 }],
}
const sent = {
  id: 'drill_1',
  campaignId: 'DRILL-2026Q4-ABC123',
  name: 'Q4',
  lureKind: 'phone',
  lureIdentifier: '+852 5550 0100',
  messageTitle: 't',
  messageBody: 'b',
  departments: [],
  status: 'sent',
  scheduledAt: '2026-11-01T02:00:00.000Z',
  sentAt: '2026-11-01T02:00:05.000Z',
  targets: 4,
  reported: 3,
  reportRate: 0.75,
  createdByName: 'Ng',
  createdAt: '2026-10-30T02:00:00.000Z',
}

describe('DrillsPage', () => {
  it('charts the report rate by department and quarter, with the figures as a table for screen readers', async () => {
    const { wrapper } = await mountWithSuite(DrillsPage, {
      userId: 'u-ng',
      locale: 'en',
      route: '/drills',
      api: fakeApi({
        support: {
          drills: vi.fn().mockResolvedValue({ items: [sent] }),
          dashboard: vi.fn().mockResolvedValue(dashboard),
        },
      }),
    })
    const svg = wrapper.get('svg[role="img"]')
    expect(svg.attributes('aria-label')).toBe('Report rate by department and quarter')
    expect(svg.findAll('rect').map((r) => r.find('title').text())).toEqual([
      '2026-Q3 Litigation: 25%',
      '2026-Q4 Litigation: 75%',
      '2026-Q4 Corporate: 100%',
    ])
    expect(wrapper.get('table.suite-visually-hidden').text()).toContain('75%')
    expect(wrapper.get('[data-drill="DRILL-2026Q4-ABC123"]').text()).toContain('3 of 4 reported (75%)')
  })

  it('lets the compliance officer schedule a drill; IT only watches', async () => {
    const createDrill = vi.fn().mockResolvedValue({ ...sent, status: 'scheduled', campaignId: 'DRILL-2026Q4-NEW001' })
    const support = {
      drills: vi.fn().mockResolvedValue({ items: [] }),
      dashboard: vi.fn().mockResolvedValue({ ...dashboard, drillRates: [] }),
      createDrill,
    }
    const { wrapper } = await mountWithSuite(DrillsPage, {
      userId: 'u-ng',
      locale: 'en',
      route: '/drills',
      api: fakeApi({ support }),
    })
    expect(wrapper.text()).toContain('No drill has been sent yet.')
    const inputs = wrapper.findAll('.drills-page__form input')
    await inputs[0]!.setValue('Q4 drill')
    await inputs[2]!.setValue('+852 5550 0100')
    await wrapper.get('.drills-page__form').trigger('submit')
    await flushPromises()
    expect(createDrill).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'Q4 drill',
        lureKind: 'phone',
        lureIdentifier: '+852 5550 0100',
        messageTitle: '[DingTalk Customer Service] Account notice',
      }),
    )
    const it_ = await mountWithSuite(DrillsPage, {
      userId: 'u-lam',
      locale: 'en',
      route: '/drills',
      api: fakeApi({ support }),
    })
    expect(it_.wrapper.find('.drills-page__form').exists()).toBe(false)
  })
})
