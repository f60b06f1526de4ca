import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OPTIONS, fakeApi, mountApp } from '../test-utils'
import AdminPage from './AdminPage.vue'

afterEach(() => { document.body.innerHTML = '' })

const SETTINGS = { reminders: { daysBefore: [7, 1, 0], at: '08:00' }, monthlyCallBudget: 8000, syncCallsPerSecond: 15, deadlineClusterThreshold: 2 }
function adminApi<T extends Record<string, unknown>>(over: T = {} as T) {
  return {
    holidays: vi.fn(async () => ({ years: [{ year: 2026, source: 'bundled', importedAt: null, count: 17 }], holidays: [] })),
    closures: vi.fn(async () => []),
    sync: vi.fn(async () => ({ month: '2026-04', callsUsed: 120, monthlyBudget: 8000, counts: { pending: 0, synced: 10, error: 0, deleted: 0, skipped: 1 }, queuedJobs: 0 })),
    settings: vi.fn(async () => SETTINGS),
    ...over,
  }
}

describe('AdminPage', () => {
  it('imports the holiday file read from disk and reports what it did', async () => {
    const admin = adminApi({ importHolidays: vi.fn(async () => ({ years: [2027], count: 17, recomputed: 3 })) })
    const { wrapper } = await mountApp(AdminPage, { api: fakeApi({ admin }, { ...OPTIONS, isAdmin: true }) })
    expect(wrapper.find('.admin-page__table').text()).toContain('2026內置17')
    const input = wrapper.find('input[name="holidayFile"]')
    const file = new File(['\uFEFF{"vcalendar":[]}'], 'en.json', { type: 'application/json' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await flushPromises()
    expect(wrapper.find('.file-pick__name').text()).toBe('en.json')
    await wrapper.findAll('.admin-page__card')[0]!.findAll('button').at(-1)!.trigger('click')
    await flushPromises()
    expect(admin.importHolidays).toHaveBeenCalledWith('\uFEFF{"vcalendar":[]}')
    expect(admin.holidays).toHaveBeenCalledTimes(2)
  })

  it('declares a black rainstorm day', async () => {
    const admin = adminApi({ declare: vi.fn(async () => ({ closure: null, recomputed: 2, moved: ['dl-1'] })) })
    const { wrapper } = await mountApp(AdminPage, { api: fakeApi({ admin }, { ...OPTIONS, isAdmin: true }) })
    await wrapper.find('input[name="closureDate"]').setValue('2026-04-22')
    await wrapper.find('input[name="closureNote"]').setValue('Black rainstorm 07:10-13:25')
    await wrapper.findAll('form')[0]!.trigger('submit')
    await flushPromises()
    expect(admin.declare).toHaveBeenCalledWith({ date: '2026-04-22', kind: 'black_rainstorm', note: 'Black rainstorm 07:10-13:25' })
  })

  it('tells others the page is for administrators', async () => {
    const { wrapper } = await mountApp(AdminPage, { api: fakeApi({ admin: adminApi() }) })
    expect(wrapper.text()).toContain('只有資訊科技管理員及合規主任可以更改這些設定。')
  })
})
