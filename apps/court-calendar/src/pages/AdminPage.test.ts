import { mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeCourtCalendarOptions, makeRuleTemplate } from '@suite/domain/testing'
import { fakeCourtApi } from '../testing/fake-api'
import AdminPage from './AdminPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const SETTINGS = {
  reminders: { daysBefore: [7, 1, 0], at: '08:00' },
  monthlyCallBudget: 8000,
  syncCallsPerSecond: 15,
  deadlineClusterThreshold: 2,
}
const TEMPLATES = [
  makeRuleTemplate({
    id: 'reply',
    name: { 'zh-HK': '送達答覆書', 'zh-CN': '送达答复书', en: 'Service of reply' },
    period: 21,
    direction: 'after',
    clear: false,
    anchorEvent: 'defence_served',
    citation: 'RHC O.18 r.3(4)',
    version: 2,
    source: 'edited',
    updatedAt: '2026-04-01T02:00:00.000Z',
    updatedBy: 'u-lam',
  }),
  makeRuleTemplate({
    id: 'list-of-documents',
    name: { 'zh-HK': '文件清單', 'zh-CN': '文件清单', en: 'List of documents' },
    period: 14,
    direction: 'after',
    clear: false,
    anchorEvent: 'other',
    citation: 'RHC O.24 r.2',
    version: 3,
    source: 'custom',
    archived: true,
    updatedAt: '2026-04-02T02:00:00.000Z',
    updatedBy: 'u-lam',
  }),
]
const templatesApi = () => ({ list: vi.fn(async () => TEMPLATES), versions: vi.fn() })

function adminApi<T extends Record<string, unknown>>(over: T = {} as T) {
  return {
    holidays: vi.fn(async () => ({
      years: [{ year: 2026, source: 'bundled', importedAt: null, count: 17 }],
      holidays: [],
    })),
    closures: vi.fn(async () => []),
    sync: vi.fn(async () => ({
      month: '2026-04',
      callsUsed: 120,
      monthlyBudget: 8000,
      counts: { pending: 0, synced: 10, error: 0, deleted: 0, skipped: 1 },
      queuedJobs: 0,
    })),
    settings: vi.fn(async () => SETTINGS),
    ...over,
  }
}

describe('AdminPage', () => {
  it('imports the holiday file read from disk and reports what it did', async () => {
    const admin = adminApi({ importHolidays: vi.fn(async () => ({ years: [2027], count: 17, recomputed: 3 })) })
    const { wrapper } = await mountWithSuite(AdminPage, {
      api: fakeCourtApi({ admin, templates: templatesApi() }, makeCourtCalendarOptions({ isAdmin: true })),
    })
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
    const { wrapper } = await mountWithSuite(AdminPage, {
      api: fakeCourtApi({ admin, templates: templatesApi() }, makeCourtCalendarOptions({ isAdmin: true })),
    })
    await wrapper.find('input[name="closureDate"]').setValue('22/04/2026')
    await wrapper.find('input[name="closureNote"]').setValue('Black rainstorm 07:10-13:25')
    await wrapper.findAll('form')[0]!.trigger('submit')
    await flushPromises()
    expect(admin.declare).toHaveBeenCalledWith({
      date: '2026-04-22',
      kind: 'black_rainstorm',
      note: 'Black rainstorm 07:10-13:25',
    })
  })

  it('lists the rule templates as they run, each linking to its document in the admin app (where publishing needs a step-up)', async () => {
    const templates = templatesApi()
    const { wrapper } = await mountWithSuite(AdminPage, {
      api: fakeCourtApi({ admin: adminApi(), templates }, makeCourtCalendarOptions({ isAdmin: true })),
      locale: 'en',
    })
    expect(templates.list).toHaveBeenCalledWith(true)
    const items = wrapper.findAll('.rule-templates__item')
    expect(items.map((i) => i.find('.rule-templates__name').text())).toEqual(['Service of reply', 'List of documents'])
    expect(items[0]!.text()).toContain('version 2 · Changed by the firm')
    expect(items[1]!.text()).toContain('Archived')
    expect(items[0]!.find('a').attributes('href')).toBe(
      '/apps/admin/?corpId=dingdemocorp0001#/documents/court_rule_template/reply',
    )
    expect(wrapper.find('.rule-templates__new').attributes('href')).toBe(
      '/apps/admin/?corpId=dingdemocorp0001#/documents',
    )
  })

  it('tells others the page is for administrators', async () => {
    const { wrapper } = await mountWithSuite(AdminPage, { api: fakeCourtApi({ admin: adminApi() }) })
    expect(wrapper.text()).toContain('只有資訊科技管理員及合規主任可以更改這些設定。')
  })
})
