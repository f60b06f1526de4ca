import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeClassificationReport, makeClassificationReportSummary } from '@suite/domain/testing'
import { describe, expect, it, vi } from 'vitest'
import { settle } from '../testing/helpers'
import ReportPage from './ReportPage.vue'
import ReportsPage from './ReportsPage.vue'

describe('a saved report, opened again', () => {
  it('opens from the reports list', async () => {
    const list = vi.fn().mockResolvedValue({ items: [makeClassificationReportSummary('r1')], nextCursor: null })
    const { wrapper, router } = await mountWithSuite(ReportsPage, { props: { list } })
    await settle()
    const link = wrapper.find('[data-test="open-r1"]')
    expect(link.text()).toBe('Scan r1')
    await link.trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/reports/r1')
    // The list says who made it, for which firm, and when in Hong Kong time.
    expect(wrapper.text()).toContain('由 Lee 為 陳黃律師行 Chan & Wong Solicitors 製作，2025年4月17日 10:05 (香港時間)')
    wrapper.unmount()
  })

  it('shows its counts, masked samples, labels, map, who made it for which firm and when (zh-HK)', async () => {
    const getReport = vi.fn().mockResolvedValue(makeClassificationReport('r1'))
    const { wrapper } = await mountWithSuite(ReportPage, {
      props: { id: 'r1' },
      api: fakeApi({ classifier: { getReport } }),
    })
    await settle()
    expect(getReport).toHaveBeenCalledWith('r1', expect.anything())
    const text = wrapper.text()
    expect(text).toContain('Scan r1')
    expect(wrapper.find('[data-test="byline"]').text()).toBe(
      '由 Lee 為 陳黃律師行 Chan & Wong Solicitors 製作，2025年4月17日 10:05 (香港時間)',
    )
    expect(text).toContain('A123***(*)')
    expect(text).toContain('+852 9***-**67')
    expect(text).toContain('機密')
    expect(text).toContain('中國內地')
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0]!.findAll('td').map((c) => c.text())).toContain('2')
    expect(wrapper.find('svg').exists()).toBe(true)
    wrapper.unmount()
  })

  it('says so when the report is not there (or not theirs)', async () => {
    const getReport = vi.fn().mockRejectedValue(Object.assign(new Error('x'), { code: 'not_found', status: 404 }))
    const { wrapper } = await mountWithSuite(ReportPage, {
      props: { id: 'nope' },
      api: fakeApi({ classifier: { getReport } }),
    })
    await settle()
    expect(wrapper.text()).toContain('找不到這份報告')
    wrapper.unmount()
  })
})
