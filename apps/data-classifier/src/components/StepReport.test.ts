import { mountWithSuite } from '@suite/app-kit/testing'
import type { CreateClassificationReport } from '@suite/domain'
import { describe, expect, it, vi } from 'vitest'
import { useWizardStore } from '../stores/wizard'
import { findingsOf, freshPinia, settle } from '../testing/helpers'
import StepReport from './StepReport.vue'

async function setup(save: (body: CreateClassificationReport) => Promise<never> | Promise<{ id: string }>) {
  const pinia = freshPinia()
  const store = useWizardStore()
  store.addText('x', 'pasted', '陳大文 A123456(3).txt')
  store.setResult(store.sources[0]!.id, await findingsOf('身份證 A123456(3)，Tel +852 9123 4567'), 30)
  store.title = 'Q2 review'
  const { wrapper } = await mountWithSuite(StepReport, { pinia, locale: 'en', props: { save: save as never } })
  await settle()
  return { store, wrapper }
}

describe('StepReport', () => {
  it('shows the masked report and saves a record that holds no raw value', async () => {
    const save = vi.fn(async (_body: CreateClassificationReport) => ({ id: 'cls_1' }))
    const { store, wrapper } = await setup(save)
    expect(wrapper.find('.dc-print-area').text()).toContain('陳大文 A123***(*).txt')
    expect(wrapper.html()).not.toContain('A123456')
    await wrapper.find('[data-test="save"]').trigger('click')
    await settle()
    expect(save).toHaveBeenCalledTimes(1)
    const body = JSON.stringify(save.mock.calls[0]![0])
    expect(body).not.toMatch(/A123456|9123 4567/)
    expect(body).toContain('A123***(*)')
    expect(store.savedReportId).toBe('cls_1')
    expect(wrapper.find('[data-test="saved"]').text()).toContain('Record saved (cls_1)')
    expect(wrapper.find('[data-test="save"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('keeps everything and explains when saving fails', async () => {
    const { store, wrapper } = await setup(async () => {
      throw Object.assign(new Error('x'), { code: 'network_error' })
    })
    await wrapper.find('[data-test="save"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="save-error"]').exists()).toBe(true)
    expect(store.savedReportId).toBeNull()
    expect(store.title).toBe('Q2 review')
    wrapper.unmount()
  })
})
