import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail, makeCaseEvent } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCaseRoomStore } from '../stores/case-room'
import TimelinePanel from './TimelinePanel.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('TimelinePanel', () => {
  it('dates every entry in Hong Kong time and says so; an entry saved without a date shows when it was posted', async () => {
    const events = [
      makeCaseEvent({ id: 'evt-1' as never, kind: 'hearing', title: 'CMC', occursAt: '2026-05-04T02:30:00.000Z' }),
      makeCaseEvent({ id: 'evt-2' as never, kind: 'notice', title: 'Old notice', occursAt: null }),
    ]
    const { wrapper } = await mountWithSuite(TimelinePanel, {
      api: fakeApi({ caseRoom: { events: { list: async () => events } } }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    const times = wrapper.findAll('time').map((x) => x.text())
    expect(times).toEqual(['2026年5月4日 10:30（香港時間）', '2026年3月2日 10:00發布（香港時間）'])
  })

  it('will not add an entry without a date, and sends the picked time as Hong Kong time', async () => {
    const create = vi.fn(async (_c: string, body: { occursAt: string; title: string }) =>
      makeCaseEvent({ title: body.title, occursAt: body.occursAt }),
    )
    const { wrapper } = await mountWithSuite(TimelinePanel, {
      api: fakeApi({ caseRoom: { events: { list: async () => [], create } } }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '新增至時間線')!
      .trigger('click')
    expect(wrapper.text()).toContain('日期及時間（香港時間）')
    await wrapper.find('.timeline-panel__form input:not([readonly])').setValue('Case management conference')
    const save = () => wrapper.findAll('button').find((b) => b.text() === '新增')!
    expect(save().attributes('disabled')).toBeDefined()
    await wrapper.find('form').trigger('submit')
    expect(create).not.toHaveBeenCalled()
    wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2026-05-04 10:30')
    await flushPromises()
    expect(save().attributes('disabled')).toBeUndefined()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create).toHaveBeenCalledWith('case-hca-1234', {
      kind: 'milestone',
      title: 'Case management conference',
      body: '',
      occursAt: '2026-05-04T02:30:00.000Z',
    })
    expect(wrapper.find('time').text()).toBe('2026年5月4日 10:30（香港時間）')
  })
})
