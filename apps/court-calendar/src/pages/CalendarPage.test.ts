import { mountWithSuite } from '@suite/app-kit/testing'
import { makeAgenda, makeDeadline, makeHearing } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import CalendarPage from './CalendarPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const hearing = makeHearing()
const deadline = makeDeadline({ id: 'dl-2' as never, dueOn: '2026-04-09', title: 'Serve the summons' })
const agendaOf = () =>
  makeAgenda({
    hearings: [
      hearing,
      makeHearing({
        id: 'hr-2' as never,
        startsAt: '2026-04-08T09:00:00+08:00',
        endsAt: null,
        courtCaseNumber: 'HCMP 420/2025',
        type: 'mention',
        sync: [],
      }),
    ],
    deadlines: [deadline],
    conflicts: [
      {
        kind: 'double_booked',
        userId: 'u-chan' as never,
        date: '2026-04-08',
        hearingIds: ['hr-1' as never, 'hr-2' as never],
      },
    ],
  })

describe('CalendarPage', () => {
  it('shows the agenda from today (Hong Kong) grouped by day, with sync badges and conflicts', async () => {
    const agenda = vi.fn(async () => agendaOf())
    const { wrapper } = await mountWithSuite(CalendarPage, { api: fakeCourtApi({ agenda }) })
    expect(agenda).toHaveBeenCalledWith({ from: '2026-04-08', to: '2026-05-05' })
    const days = wrapper.findAll('.agenda-list__day')
    expect(days.map((d) => d.find('.agenda-list__date').text())).toEqual([
      '2026年4月8日（星期三）',
      '2026年4月9日（星期四）',
    ])
    const first = days[0]!.findAll('.agenda-list__item')
    // Hearings by time: the 09:00 mention first.
    expect(first.map((i) => i.find('.agenda-list__title').text())).toEqual([
      'HCMP 420/2025 · 提訊',
      'HCA 1234/2026 · 審前覆核',
    ])
    expect(first[1]!.text()).toContain('10:00–12:00')
    expect(first[1]!.find('.sync-badge--pending').text()).toBe('同步中')
    expect(wrapper.text()).toContain('陳大文 Chan Tai-man 於 2026年4月8日 同時有兩個聆訊')
    expect(days[1]!.text()).toContain('期限：Serve the summons')
  })

  it('opens a hearing or a deadline', async () => {
    const { wrapper, router } = await mountWithSuite(CalendarPage, {
      api: fakeCourtApi({ agenda: async () => agendaOf() }),
    })
    await wrapper.findAll('.agenda-list__item')[1]!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/hearings/hr-1'))
  })

  it('switches to the week and month views, keeping them in the URL', async () => {
    const agenda = vi.fn(async () => agendaOf())
    const { wrapper, router } = await mountWithSuite(CalendarPage, { api: fakeCourtApi({ agenda }) })
    await wrapper.findAll('.calendar-page__bar input[type="radio"]')[1]!.setValue(true)
    await flushPromises()
    expect(agenda).toHaveBeenLastCalledWith({ from: '2026-04-06', to: '2026-04-12' })
    expect(router.currentRoute.value.query.view).toBe('week')
    expect(wrapper.findAll('.week-grid__day')).toHaveLength(7)
    expect(wrapper.find('.week-grid__day--today').text()).toContain('2026年4月8日')
    await wrapper.findAll('.calendar-page__bar input[type="radio"]')[2]!.setValue(true)
    await flushPromises()
    expect(agenda).toHaveBeenLastCalledWith({ from: '2026-03-30', to: '2026-05-03' })
    expect(wrapper.find('.calendar-page__range').text()).toBe('2026年4月')
    // Forward a month.
    await wrapper.findAll('.calendar-page__bar .el-button-group button')[2]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.date).toBe('2026-05-01')
    expect(agenda).toHaveBeenLastCalledWith({ from: '2026-04-27', to: '2026-05-31' })
  })

  it('filters by case, lawyer and court on the server (from the URL)', async () => {
    const agenda = vi.fn(async () => makeAgenda())
    const { wrapper } = await mountWithSuite(CalendarPage, {
      api: fakeCourtApi({ agenda }),
      route: '/?caseId=case-hca-1234&lawyerId=u-lee&court=Court',
    })
    expect(agenda).toHaveBeenCalledWith({
      from: '2026-04-08',
      to: '2026-05-05',
      caseId: 'case-hca-1234',
      lawyerId: 'u-lee',
      court: 'Court',
    })
    expect(wrapper.text()).toContain('沒有符合篩選條件的項目。')
  })

  it('shows an error with a retry, in English too', async () => {
    const agenda = vi.fn().mockRejectedValueOnce({ code: 'network_error', status: 0 }).mockResolvedValue(agendaOf())
    const { wrapper } = await mountWithSuite(CalendarPage, { api: fakeCourtApi({ agenda }), locale: 'en' })
    expect(wrapper.text()).toContain('Cannot reach the server')
    await wrapper.find('.suite-error-state__retry').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.agenda-list__item')).toHaveLength(3)
    expect(wrapper.text()).toContain('Deadline: Serve the summons')
  })

  it('puts open deadlines already past at the top, marked overdue, though they are before the window', async () => {
    const overdue = makeDeadline({ id: 'dl-late' as never, dueOn: '2026-04-01', title: 'File the defence' })
    const agenda = vi.fn(async () =>
      makeAgenda({
        overdue: [overdue],
        deadlines: [
          makeDeadline({ id: 'dl-soon' as never, dueOn: '2026-04-09', title: 'Serve the summons' }),
          makeDeadline({ id: 'dl-later' as never, dueOn: '2026-04-30', title: 'Exchange witness statements' }),
        ],
      }),
    )
    const { wrapper, router } = await mountWithSuite(CalendarPage, { api: fakeCourtApi({ agenda }) })
    const top = wrapper.find('.overdue-list')
    expect(top.exists()).toBe(true)
    // Above the agenda itself.
    expect(wrapper.html().indexOf('overdue-list')).toBeLessThan(wrapper.html().indexOf('agenda-list'))
    expect(top.find('.overdue-list__title').text()).toBe('已過期的限期（1）')
    expect(top.text()).toContain('File the defence')
    expect(top.text()).toContain('原定 2026年4月1日（星期三） 到期')
    expect(top.find('[data-standing]').attributes('data-standing')).toBe('overdue')
    expect(top.find('[data-standing]').text()).toBe('已過期')
    // Each deadline of the window is marked by its standing: tomorrow's is due soon.
    const marks = wrapper.findAll('.agenda-list [data-standing]').map((m) => m.text())
    expect(marks).toEqual(['即將到期', '未完成'])
    await top.find('.overdue-list__item').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/deadlines/dl-late'))
  })

  it('the month view has weekday headers (Monday first) and marks Hong Kong general holidays', async () => {
    const { wrapper } = await mountWithSuite(CalendarPage, {
      api: fakeCourtApi({ agenda: async () => makeAgenda() }),
      route: '/?view=month&date=2026-04-08',
    })
    expect(wrapper.findAll('.month-grid__weekday').map((th) => th.text())).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '日',
    ])
    // April 2026: Good Friday (3), the day following it (4), the days following Ching Ming (6) and Easter Monday (7);
    // the grid runs on to Sunday 3 May, so Labour Day (1 May) shows too.
    const holidays = wrapper.findAll('.month-grid__cell--holiday')
    expect(holidays.map((c) => c.find('.month-grid__day').text())).toEqual(['3', '4', '6', '7', '1'])
    expect(holidays[0]!.find('.month-grid__holiday').text()).toBe('耶穌受難節')
  })

  it('names the weekdays and holidays in English too', async () => {
    const { wrapper } = await mountWithSuite(CalendarPage, {
      api: fakeCourtApi({ agenda: async () => makeAgenda() }),
      route: '/?view=month&date=2026-04-08',
      locale: 'en',
    })
    expect(wrapper.find('.month-grid__weekday').text()).toBe('Mon')
    expect(wrapper.find('.month-grid__cell--holiday .month-grid__holiday').text()).toBe('Good Friday')
  })

  it('never writes a case number twice, and joins the court and its courtroom in words', async () => {
    const agenda = async () =>
      makeAgenda({
        hearings: [
          makeHearing({
            title: 'HCA 1234/2026 審前覆核（第二次）',
            court: '高等法院原訟法庭 Court of First Instance of the High Court',
            courtroom: '7',
            judge: null,
          }),
          makeHearing({ id: 'hr-2' as never, court: 'High Court', courtroom: 'Court 7', judge: null, sync: [] }),
        ],
        deadlines: [makeDeadline({ dueOn: '2026-04-20', title: 'HCA 1234/2026 送達證人陳述書' })],
      })
    const { wrapper } = await mountWithSuite(CalendarPage, { api: fakeCourtApi({ agenda }) })
    const titles = wrapper.findAll('.agenda-list__title').map((x) => x.text())
    expect(titles[0]).toBe('HCA 1234/2026 審前覆核（第二次）')
    expect(titles[1]).toBe('HCA 1234/2026 · 審前覆核')
    const metas = wrapper.findAll('.agenda-list__meta').map((x) => x.text())
    expect(metas[0]).toBe('高等法院原訟法庭 第 7 號法庭')
    expect(metas[1]).toBe('High Court，Court 7')
    // The deadline's title already names the case: the line under it does not repeat it.
    expect(metas[2]).not.toContain('HCA 1234/2026')
  })
})
