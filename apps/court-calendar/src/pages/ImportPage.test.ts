import type { ImportPreview } from '@suite/domain'
import { mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import ImportPage from './ImportPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const hearing = (n: string, at: string) => ({
  courtCaseNumber: n,
  court: 'Court of First Instance 原訟法庭',
  judge: null,
  courtroom: '13',
  type: 'pre_trial_review' as const,
  title: null,
  startsAt: at,
  endsAt: null,
  externalUid: `cause_list:${n}:${at}`,
  cancelled: false,
})
const PREVIEW: ImportPreview = {
  id: 'imp-1' as never,
  format: 'cause_list',
  createdAt: '2026-04-08T02:00:00.000Z',
  expiresAt: '2026-04-09T02:00:00.000Z',
  counts: { matched: 1, skipped: 1, ambiguous: 1 },
  rows: [
    {
      row: 1,
      status: 'matched',
      reason: null,
      action: 'create',
      caseId: 'case-hca-1234' as never,
      candidates: [],
      hearing: hearing('HCA 1234/2026', '2026-05-04T09:30:00+08:00'),
      raw: '9:30 a.m.\tHCA 1234/2026\tTSE v ORIENTAL\tPre-trial Review',
    },
    {
      row: 2,
      status: 'skipped',
      reason: 'case_not_found',
      action: null,
      caseId: null,
      candidates: [],
      hearing: hearing('HCA 9999/2026', '2026-05-04T09:30:00+08:00'),
      raw: '\tHCA 9999/2026\tX v Y\tSummons',
    },
    {
      row: 3,
      status: 'ambiguous',
      reason: null,
      action: null,
      caseId: null,
      hearing: hearing('HCA 1234/2026', '2026-05-04T14:30:00+08:00'),
      raw: '2:30 p.m.\tHCA 1234/2026 & HCMP 420/2025\tJoint CMC',
      candidates: [
        { caseId: 'case-hca-1234' as never, caseNumber: 'HCA 1234/2026', caseTitle: 'Tse v Oriental' },
        { caseId: 'case-hcmp-0420' as never, caseNumber: 'HCMP 420/2025', caseTitle: 'Re Oriental' },
      ],
    },
  ],
}

describe('ImportPage', () => {
  it('reads a pasted cause list, shows matched / skipped / ambiguous rows, and saves only after the person chooses', async () => {
    const preview = vi.fn(async () => PREVIEW)
    const commit = vi.fn(async () => ({ created: 2, updated: 0, skipped: 1, hearingIds: [] }))
    const { wrapper } = await mountWithSuite(ImportPage, { api: fakeCourtApi({ imports: { preview, commit } }) })
    await wrapper.findAll('input[name="format"]')[2]!.setValue(true)
    expect(wrapper.text()).toContain('在司法機構的審訊案件表網頁複製表格')
    await wrapper.find('textarea[name="text"]').setValue('Time\tCase No.\n9:30 a.m.\tHCA 1234/2026')
    await wrapper.find('input[name="date"]').setValue('04/05/2026')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(preview).toHaveBeenCalledWith({
      format: 'cause_list',
      text: 'Time\tCase No.\n9:30 a.m.\tHCA 1234/2026',
      date: '2026-05-04',
    })
    expect(commit).not.toHaveBeenCalled()

    expect(wrapper.find('.import-page__counts').text()).toBe('已配對 1 項 · 略過 1 項 · 待選擇 1 項')
    const rows = wrapper.findAll('.import-page__row')
    expect(rows.map((r) => r.find('.el-tag').text())).toEqual(['已配對', '略過', '請選擇案件'])
    expect(rows[1]!.text()).toContain('不是你的案件')
    const save = () => wrapper.findAll('.import-page__actions button')[0]!
    // The ambiguous row needs a case before anything can be saved.
    expect(save().attributes('disabled')).toBeDefined()
    rows[2]!.findComponent(ElSelect).vm.$emit('update:modelValue', 'case-hcmp-0420')
    await flushPromises()
    expect(save().attributes('disabled')).toBeUndefined()
    expect(save().text()).toBe('儲存 2 個聆訊')
    await save().trigger('click')
    await flushPromises()
    expect(commit).toHaveBeenCalledWith('imp-1', { resolutions: [{ row: 3, caseId: 'case-hcmp-0420' }], skipRows: [] })
    expect(wrapper.text()).toContain('新增 2 個，更新 0 個。')
  })

  it('leaves out rows the person unticks', async () => {
    const commit = vi.fn(async () => ({ created: 1, updated: 0, skipped: 2, hearingIds: [] }))
    const { wrapper } = await mountWithSuite(ImportPage, {
      api: fakeCourtApi({ imports: { preview: async () => PREVIEW, commit } }),
    })
    await wrapper.find('textarea[name="text"]').setValue('BEGIN:VCALENDAR')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    await wrapper.find('input[name="include-3"]').setValue(false)
    await wrapper.findAll('.import-page__actions button')[0]!.trigger('click')
    await flushPromises()
    expect(commit).toHaveBeenCalledWith('imp-1', { resolutions: [], skipRows: [3] })
  })

  it('keeps the pasted text when reading fails', async () => {
    const preview = vi.fn().mockRejectedValue({ code: 'validation_failed', status: 400, message: 'Nothing to import' })
    const { wrapper } = await mountWithSuite(ImportPage, { api: fakeCourtApi({ imports: { preview } }) })
    await wrapper.find('textarea[name="text"]').setValue('nonsense')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.el-alert').exists()).toBe(true)
    expect((wrapper.find('textarea[name="text"]').element as HTMLTextAreaElement).value).toBe('nonsense')
  })

  it('offers a template CSV to download, with headers in the language on screen', async () => {
    const { wrapper } = await mountWithSuite(ImportPage, { api: fakeCourtApi({}) })
    await wrapper.findAll('input[name="format"]')[1]!.setValue(true)
    const link = wrapper.find('a.import-page__template')
    expect(link.text()).toBe('下載 CSV 範本')
    expect(link.attributes('download')).toBe('法庭日程匯入範本.csv')
    const csv = decodeURIComponent(link.attributes('href')!.replace('data:text/csv;charset=utf-8,', ''))
    expect(csv.replace('\uFEFF', '').split('\r\n')[0]).toBe('案件編號,日期,時間,結束時間,法院,法庭,法官,類別,標題')
    expect(csv).toContain('04/05/2026')
  })
})
