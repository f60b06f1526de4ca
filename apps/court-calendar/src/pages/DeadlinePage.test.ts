import { mountWithSuite } from '@suite/app-kit/testing'
import { makeDeadline } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import DeadlinePage from './DeadlinePage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('DeadlinePage', () => {
  it('shows the working of the worked example: counted days, each day left out and why', async () => {
    const get = vi.fn(async () => makeDeadline())
    const { wrapper } = await mountWithSuite(DeadlinePage, {
      api: fakeCourtApi({ deadlines: { get } }),
      route: '/deadlines/dl-1',
    })
    expect(get).toHaveBeenCalledWith('dl-1')
    expect(wrapper.find('.deadline-page__due strong').text()).toBe('2025年4月30日（星期三）')
    expect(wrapper.find('.deadline-working__rule').text()).toBe('2025年4月17日（星期四） 之後 7 天')
    expect(wrapper.find('.deadline-working__note').text()).toContain('7天或以下的期間')
    expect(wrapper.findAll('.deadline-working__counted li').map((li) => li.attributes('data-date'))).toEqual([
      '2025-04-22',
      '2025-04-23',
      '2025-04-24',
      '2025-04-25',
      '2025-04-28',
      '2025-04-29',
      '2025-04-30',
    ])
    const excluded = wrapper.findAll('.deadline-working__excluded li')
    expect(excluded).toHaveLength(6)
    expect(excluded[0]!.text()).toContain('公眾假期: 耶穌受難節')
    expect(excluded[0]!.text()).toContain('第3號命令第2(5)條規則')
    expect(excluded[2]!.find('.deadline-working__reason').text()).toBe('星期日')
  })

  it('explains O.3 r.4 moves, missing holiday lists and a suspended anchor, in English', async () => {
    const d = makeDeadline({
      anchorStatus: 'suspended',
      dueOn: '2025-02-03',
      working: {
        deadline: '2025-02-03',
        unadjusted: '2025-01-29',
        shortPeriodRule: false,
        counted: ['2025-01-16'],
        excluded: [{ date: '2025-01-29', reason: 'general_holiday', name: 'Lunar New Year’s Day', rule: 'O.3 r.4' }],
        warnings: [{ code: 'no_holiday_data', year: 2028 }],
      },
    })
    const { wrapper } = await mountWithSuite(DeadlinePage, {
      api: fakeCourtApi({ deadlines: { get: async () => d } }),
      route: '/deadlines/dl-1',
      locale: 'en',
    })
    expect(wrapper.text()).toContain('The event this deadline runs from was cancelled')
    expect(wrapper.text()).toContain('O.3 r.4: the Registry is closed, so time runs to the next open day')
    expect(wrapper.text()).toContain('The period itself ends on Wednesday, 29 January 2025.')
    expect(wrapper.text()).toContain('There is no holiday list for 2028')
  })

  it('lets a member who may edit mark it done; the answer replaces what is shown', async () => {
    const update = vi.fn(async () => makeDeadline({ status: 'done' }))
    const { wrapper } = await mountWithSuite(DeadlinePage, {
      api: fakeCourtApi({ deadlines: { get: async () => makeDeadline(), update } }),
      route: '/deadlines/dl-1',
    })
    const done = wrapper.findAll('.deadline-page__actions button').find((b) => b.text() === '標示完成')!
    await done.trigger('click')
    await flushPromises()
    expect(update).toHaveBeenCalledWith('dl-1', { status: 'done' })
    expect(wrapper.find('.deadline-page__head').text()).toContain('已完成')
  })

  it('says when the deadline cannot be found, without a retry', async () => {
    const get = vi.fn().mockRejectedValue({ code: 'not_found', status: 404 })
    const { wrapper } = await mountWithSuite(DeadlinePage, {
      api: fakeCourtApi({ deadlines: { get } }),
      route: '/deadlines/nope',
    })
    expect(wrapper.text()).toContain('此期限不存在')
    expect(wrapper.find('.suite-error-state__retry').exists()).toBe(false)
  })

  it('shows an open deadline already past as overdue (Hong Kong date), and can record it as missed', async () => {
    const late = makeDeadline({ dueOn: '2026-04-07' })
    const update = vi.fn(async () => makeDeadline({ dueOn: '2026-04-07', status: 'missed' }))
    const { wrapper } = await mountWithSuite(DeadlinePage, {
      api: fakeCourtApi({ deadlines: { get: async () => late, update } }),
      route: '/deadlines/dl-1',
    })
    expect(wrapper.find('.deadline-page__head [data-standing]').text()).toBe('已過期')
    expect(wrapper.find('.el-alert--error').text()).toContain(
      '此期限已於 2026年4月7日（星期二）（香港時間）到期，仍未完成。',
    )
    const missed = wrapper.findAll('.deadline-page__actions button').find((b) => b.text() === '記錄為已錯過')!
    await missed.trigger('click')
    await flushPromises()
    expect(update).toHaveBeenCalledWith('dl-1', { status: 'missed' })
    expect(wrapper.find('.deadline-page__head [data-standing]').text()).toBe('已錯過')
    expect(wrapper.find('.el-alert--error').exists()).toBe(false)
  })
})
