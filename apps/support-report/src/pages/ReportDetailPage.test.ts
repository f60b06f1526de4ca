import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import type { SupportReport } from '@suite/domain'
import { makeSupportReport } from '@suite/domain/testing'
import { checkIdentifier } from '@suite/scam-check'
import { describe, expect, it, vi } from 'vitest'
import ReportDetailPage from './ReportDetailPage.vue'

const typed = 'http://dingtaIk-support.com/login'
const check = checkIdentifier(typed, { official: [], knownScams: [] })
/** A decided report of a look-alike link, with a screenshot. */
const decided = makeSupportReport({
  id: 'rep_7' as SupportReport['id'],
  identifierKind: 'url',
  identifier: typed,
  identifierKey: 'url:dingtaik-support.com',
  identifierDisplay: 'dingtaik-support.com/login',
  channel: 'sms',
  askedFor: ['one_time_code', 'password'],
  complied: 'partly',
  lossAmount: 1200,
  lossCurrency: 'HKD',
  occurredOn: '2026-11-19',
  message: '你的釘釘帳戶將被凍結，請登入驗證',
  verdict: check.verdict,
  reasons: check.reasons,
  status: 'confirmed_scam',
  resolution: 'Blocked firm-wide.',
  decidedAt: '2026-11-20T09:30:00.000Z',
  reportedAt: '2026-11-20T01:59:00.000Z',
  receivedAt: '2026-11-20T02:00:01.000Z',
  attachments: [{ id: 'a'.repeat(64), name: 'sms.png', mime: 'image/png', size: 1000 }],
})
const mount = (report: () => Promise<unknown>, locale: 'zh-HK' | 'en' = 'zh-HK') =>
  mountWithSuite(ReportDetailPage, {
    api: fakeApi({
      support: {
        report: vi.fn(report),
        attachmentUrl: (id: string, sha: string) => `/api/support/reports/${id}/attachments/${sha}`,
      },
    }),
    route: '/reports/rep_7',
    locale,
  })

describe('ReportDetailPage', () => {
  it("shows the reporter their report, its status and IT's verdict in their language, with Hong Kong times", async () => {
    const { wrapper } = await mount(() => Promise.resolve(decided))
    const status = wrapper.get('[data-test="status"]')
    expect(status.get('[data-state]').text()).toBe('確認為詐騙')
    expect(status.text()).toContain('資訊科技部已確認這是詐騙')
    const verdict = wrapper.get('[data-test="it-verdict"]')
    expect(verdict.text()).toContain('Blocked firm-wide.')
    // 09:30 UTC is 17:30 in Hong Kong, and the page says which time it is.
    expect(verdict.text()).toContain('2026年11月20日 17:30（香港時間）')
    expect(status.text()).toContain('你於2026年11月20日 09:59（香港時間）送出')

    const contact = wrapper.get('[data-test="contact"]')
    expect(contact.get('.marked-text').text()).toBe(typed)
    expect(contact.findAll('.marked-text mark').map((m) => m.text())).toEqual(['I'])
    expect(contact.get('[data-test="legend"] .mark-legend__words').text()).toBe('以大楷「I」代替細楷「l」')
    expect(contact.get('[data-test="reasons"]').text()).toContain('這個網站是 dingtaIk-support.com，不是 dingtalk.com')

    const facts = wrapper.get('[data-test="facts"]').text()
    expect(facts).toContain('驗證碼、密碼')
    expect(facts).toContain('做了一部分')
    expect(facts).toContain('2026年11月19日')
    expect(facts).toContain('你的釘釘帳戶將被凍結')
    const shot = wrapper.get('[data-test="attachments"] img')
    expect(shot.attributes('src')).toBe(`/api/support/reports/rep_7/attachments/${'a'.repeat(64)}`)
    expect(shot.attributes('alt')).toBe('sms.png')
    // IT's internal notes are never part of what the reporter gets.
    expect(wrapper.text()).not.toContain('notes')
  })

  it('says when IT has not decided yet, in English too', async () => {
    const { wrapper } = await mount(
      () => Promise.resolve(makeSupportReport({ id: 'rep_7' as SupportReport['id'], status: 'investigating' })),
      'en',
    )
    expect(wrapper.get('[data-test="status"]').text()).toContain('IT is looking into it.')
    expect(wrapper.text()).toContain('IT has not given a verdict yet.')
    expect(wrapper.find('[data-test="it-verdict"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('(Hong Kong time)')
  })

  it('says a report that is not theirs does not exist', async () => {
    const { wrapper } = await mount(() =>
      Promise.reject({ code: 'not_found', status: 404, message: 'Report not found' }),
    )
    expect(wrapper.get('[role="alert"]').text()).toContain('這份回報不存在，或不是你的回報')
  })
})
