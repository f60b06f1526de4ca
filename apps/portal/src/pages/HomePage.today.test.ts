import type { PortalToday } from '@suite/domain'
import { useSessionStore } from '@suite/app-kit'
import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import {
  makePortalComment,
  makePortalDeadline,
  makePortalHearing,
  makePortalReport,
  makePortalToday,
} from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import HomePage from './HomePage.vue'

type Today = () => Promise<PortalToday>

async function mountToday(today: Today, userId = 'u-chan', locale: 'zh-HK' | 'en' = 'zh-HK') {
  const spy = vi.fn(today)
  const { wrapper } = await mountWithSuite(HomePage, {
    userId,
    locale,
    api: fakeApi({ portal: { today: spy } }),
    before: () => useSessionStore().setUrlCorpId('ding-corp-1'),
  })
  return { wrapper, spy }
}
const section = (w: Awaited<ReturnType<typeof mountToday>>['wrapper'], name: string) =>
  w.find(`[data-section="${name}"]`)

const PARTNER_DAY = makePortalToday({
  hearings: { items: [makePortalHearing()], total: 1 },
  deadlines: {
    items: [
      makePortalDeadline({
        id: 'dl-late' as never,
        title: 'Serve the witness statements',
        dueOn: '2026-02-27',
        overdue: true,
      }),
      makePortalDeadline({ id: 'dl-today' as never, title: 'Pay the hearing fee', dueOn: '2026-03-02' }),
      makePortalDeadline(),
    ],
    total: 3,
    overdue: 1,
  },
  comments: { items: [makePortalComment()], total: 1, since: '2026-02-23T02:00:00.000Z' },
})

describe('HomePage: what needs the person today', () => {
  it('shows a partner an overdue deadline first, in colour and words, today’s hearing in Hong Kong time, and new comments', async () => {
    const { wrapper } = await mountToday(async () => PARTNER_DAY)
    expect(wrapper.find('[data-test="overdue-alert"]').text()).toBe('有 1 項期限已逾期，請優先處理')
    expect(wrapper.find('.today-panel__date').text()).toBe('香港時間：2026年3月2日（星期一）')

    const hearing = section(wrapper, 'hearings').find('a[data-kind="hearing"]')
    expect(hearing.text()).toContain('14:30–15:30（香港時間）')
    expect(hearing.text()).toContain('非正審聆訊 · HCA 1234/2026')
    expect(hearing.attributes('href')).toBe('/apps/court-calendar/?corpId=ding-corp-1#/hearings/hr-today')

    const deadlines = section(wrapper, 'deadlines').findAll('a[data-kind="deadline"]')
    expect(deadlines.map((d) => d.find('.today-item__when').text())).toEqual([
      '已逾期 逾期 3 日',
      '今日到期',
      '3 日後到期',
    ])
    expect(deadlines[0]!.classes()).toContain('today-item--alarm')
    expect(deadlines[1]!.classes()).not.toContain('today-item--alarm')
    expect(deadlines[0]!.attributes('href')).toBe('/apps/court-calendar/?corpId=ding-corp-1#/deadlines/dl-late')
    expect(deadlines[0]!.text()).toContain('到期日：2026年2月27日')

    const comment = section(wrapper, 'comments').find('a[data-kind="comment"]')
    expect(section(wrapper, 'comments').text()).toContain('客戶及外部專家最近 7 日的留言')
    expect(comment.text()).toContain('謝家輝 Tse Ka-fai（客戶）')
    expect(comment.text()).toContain('於共享區')
    expect(comment.text()).toContain('2026年3月2日 08:00（香港時間）')
    expect(comment.attributes('href')).toBe('/apps/case-room/?corpId=ding-corp-1#/cases/case-hca-1234/public')
    expect(section(wrapper, 'triage').exists()).toBe(false)
  })

  it('keeps the launcher tiles below the day', async () => {
    const { wrapper } = await mountToday(async () => PARTNER_DAY)
    const html = wrapper.html()
    expect(html.indexOf('data-section="hearings"')).toBeLessThan(html.indexOf('home-page__tile'))
    expect(wrapper.findAll('a.home-page__tile')).toHaveLength(4)
  })

  it('links a comment on a document or a timeline entry to it in the case room', async () => {
    const { wrapper } = await mountToday(async () =>
      makePortalToday({
        comments: {
          items: [
            makePortalComment({ id: 'c1', on: { type: 'document', id: 'doc-7', title: 'Witness statement' } }),
            makePortalComment({ id: 'c2', on: { type: 'event', id: 'ev-1', title: 'Writ served' } }),
          ],
          total: 2,
          since: '2026-02-23T02:00:00.000Z',
        },
      }),
    )
    const links = section(wrapper, 'comments').findAll('a[data-kind="comment"]')
    expect(links.map((a) => a.attributes('href'))).toEqual([
      '/apps/case-room/?corpId=ding-corp-1#/cases/case-hca-1234/documents/doc-7',
      '/apps/case-room/?corpId=ding-corp-1#/cases/case-hca-1234/timeline',
    ])
    expect(links[0]!.text()).toContain('於文件「Witness statement」')
  })

  it('shows IT the reports to triage first, urgent ones marked in words, each linking to the console', async () => {
    const { wrapper } = await mountToday(
      async () =>
        makePortalToday({
          triage: {
            items: [
              makePortalReport({ id: 'rep-2' as never, identifierDisplay: '+852 6999 8888', urgent: true }),
              makePortalReport(),
            ],
            total: 2,
            urgent: 1,
          },
        }),
      'u-lam',
    )
    const sections = wrapper.findAll('[data-section]').map((s) => s.attributes('data-section'))
    expect(sections).toEqual(['triage', 'hearings', 'deadlines', 'comments'])
    const triage = section(wrapper, 'triage')
    expect(triage.find('.el-tag').text()).toBe('1 項緊急')
    const reports = triage.findAll('a[data-kind="report"]')
    expect(reports[0]!.text()).toContain('緊急：舉報人已按對方要求行事')
    expect(reports[0]!.classes()).toContain('today-item--alarm')
    expect(reports[1]!.text()).not.toContain('緊急')
    expect(reports[1]!.text()).toContain('沒有紀錄 · 新舉報 · 舉報人：李嘉欣 Lee Ka-yan')
    expect(reports[0]!.attributes('href')).toBe('/apps/support-report/?corpId=ding-corp-1#/console')
    // IT is in no case: each of those sections says so in words.
    expect(section(wrapper, 'hearings').text()).toContain('今日你的案件沒有聆訊。')
  })

  it('shows a client the firm’s comments, no triage, and only the case room below', async () => {
    const { wrapper } = await mountToday(
      async () =>
        makePortalToday({
          comments: {
            items: [makePortalComment({ authorName: '李嘉欣 Lee Ka-yan', authorRole: 'associate' })],
            total: 1,
            since: '2026-02-23T02:00:00.000Z',
          },
        }),
      'u-client-tse',
    )
    expect(section(wrapper, 'comments').text()).toContain('律師行最近 7 日的留言')
    expect(section(wrapper, 'triage').exists()).toBe(false)
    expect(wrapper.findAll('a.home-page__tile').map((a) => a.attributes('data-app'))).toEqual(['case-room'])
  })

  it('says in words when each section is empty, with no overdue alarm', async () => {
    const { wrapper } = await mountToday(
      async () => makePortalToday({ triage: { items: [], total: 0, urgent: 0 } }),
      'u-lam',
    )
    expect(wrapper.find('[data-test="overdue-alert"]').exists()).toBe(false)
    expect(section(wrapper, 'triage').text()).toContain('目前沒有待處理的舉報。')
    expect(section(wrapper, 'hearings').text()).toContain('今日你的案件沒有聆訊。')
    expect(section(wrapper, 'deadlines').text()).toContain('沒有逾期期限，未來 7 日亦沒有到期的期限。')
    expect(section(wrapper, 'comments').text()).toContain('最近 7 日沒有新留言。')
  })

  it('says it is loading, with the tiles already there', async () => {
    const { wrapper } = await mountToday(() => new Promise<PortalToday>(() => undefined))
    expect(wrapper.find('.today-panel [role="status"]').text()).toContain('正在載入今日要處理的事項…')
    expect(wrapper.findAll('a.home-page__tile')).toHaveLength(4)
  })

  it('shows an error with a retry that loads the day', async () => {
    let fail = true
    const { wrapper, spy } = await mountToday(async () => {
      if (fail) throw new Error('offline')
      return PARTNER_DAY
    })
    const alert = wrapper.find('.today-panel .suite-error-state')
    expect(alert.text()).toContain('未能載入今日要處理的事項')
    fail = false
    await alert.find('button').trigger('click')
    await flushPromises()
    expect(spy).toHaveBeenCalledTimes(2)
    expect(section(wrapper, 'hearings').find('a[data-kind="hearing"]').exists()).toBe(true)
  })

  it('speaks English with plural days', async () => {
    const { wrapper } = await mountToday(async () => PARTNER_DAY, 'u-chan', 'en')
    expect(wrapper.find('[data-test="overdue-alert"]').text()).toBe('One deadline is overdue: deal with it first')
    const whens = section(wrapper, 'deadlines')
      .findAll('.today-item__when')
      .map((w) => w.text())
    expect(whens).toEqual(['Overdue Overdue by 3 days', 'Due today', 'Due in 3 days'])
  })
})
