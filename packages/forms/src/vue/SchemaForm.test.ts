// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { ElFormItem } from 'element-plus'
import type { Locale } from '@suite/domain'
import { FormSchema } from '../schema'
import { SAMPLE_FORM } from '../testing'
import SchemaForm from './SchemaForm.vue'

const schema = FormSchema.parse(SAMPLE_FORM)
const t3 = (s: string) => ({ 'zh-HK': s, 'zh-CN': s, en: s })
/** Just the person field: mounting the whole sample three times is slow under a loaded machine. */
const personOnly = FormSchema.parse({
  schemaVersion: 1,
  title: t3('P'),
  fields: [{ name: 'reviewer', type: 'person', label: { 'zh-HK': '覆核人', 'zh-CN': '复核人', en: 'Reviewer' } }],
})
const mounted: { unmount(): void }[] = []
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount()
})

function mountForm(props: Record<string, unknown> = {}, slots: Record<string, unknown> = {}) {
  const values = ref<Record<string, unknown>>((props.modelValue as Record<string, unknown>) ?? {})
  const submitted: unknown[] = []
  const Host = defineComponent({
    setup: () => () =>
      h(
        SchemaForm,
        {
          schema,
          locale: 'zh-HK',
          ...props,
          modelValue: values.value,
          'onUpdate:modelValue': (v: Record<string, unknown>) => {
            values.value = v
          },
          onSubmit: (v: unknown) => submitted.push(v),
        },
        slots,
      ),
  })
  const wrapper = mount(Host, { attachTo: document.body })
  mounted.push(wrapper)
  return { wrapper, values, submitted }
}

const labels = (w: ReturnType<typeof mountForm>['wrapper']) => w.findAll('.el-form-item__label').map((l) => l.text())
/** The error the form hands to a field's ElFormItem (its rendering goes through a transition). */
const errorOf = (w: ReturnType<typeof mountForm>['wrapper'], name: string) =>
  w
    .findAllComponents(ElFormItem)
    .find((c) => c.attributes('data-field') === name)
    ?.props('error')
const fieldNames = (w: ReturnType<typeof mountForm>['wrapper']) =>
  w.findAll('[data-field]').map((d) => d.attributes('data-field'))

describe('SchemaForm', { timeout: 20_000 }, () => {
  it.each([
    ['zh-HK', '途徑', '對方自稱', '提交報告'],
    ['zh-CN', '途径', '对方自称', '提交报告'],
    ['en', 'Channel', 'Claimed identity', 'Send report'],
  ] as const)('renders labels and the submit button in %s', (locale: Locale, channel, claimed, submit) => {
    const { wrapper } = mountForm({ locale })
    expect(labels(wrapper)).toContain(channel)
    expect(labels(wrapper)).toContain(claimed)
    expect(wrapper.find('button[type="submit"]').text()).toBe(submit)
  })

  it('shows a conditional field only when its condition holds', async () => {
    const { wrapper, values } = mountForm()
    expect(fieldNames(wrapper)).not.toContain('phone')
    values.value = { channel: 'phone' }
    await flushPromises()
    expect(fieldNames(wrapper)).toContain('phone')
    expect(fieldNames(wrapper)).not.toContain('url')
  })

  it('shows localized errors after a failed submit and emits nothing', async () => {
    const { wrapper, submitted } = mountForm({ locale: 'en' })
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(submitted).toEqual([])
    expect(errorOf(wrapper, 'claimed')).toBe('Required')
    expect(errorOf(wrapper, 'message')).toBe('')
  })

  it('emits cleaned values once valid, typing into a real input', async () => {
    const { wrapper, values, submitted } = mountForm({ modelValue: { channel: 'phone', when: '2026-03-02' } })
    await flushPromises()
    await wrapper.find('[data-field="phone"] input').setValue('9123 4567')
    await wrapper.find('[data-field="claimed"] input').setValue('假客服')
    expect(values.value).toMatchObject({ phone: '9123 4567', claimed: '假客服' })
    await wrapper.find('form').trigger('submit')
    expect(submitted).toEqual([{ channel: 'phone', phone: '+85291234567', claimed: '假客服', when: '2026-03-02' }])
  })

  it('shows a server error until the user edits that field', async () => {
    const { wrapper } = mountForm({
      locale: 'zh-CN',
      modelValue: { channel: 'phone', phone: '91234567', claimed: 'ab', when: '2026-03-02' },
      serverErrors: [{ path: 'claimed', code: 'too_long', message: 'Must be at most 80 characters' }],
    })
    await flushPromises()
    expect(errorOf(wrapper, 'claimed')).toBe('最多 80 个字')
    await wrapper.find('[data-field="claimed"] input').setValue('abc')
    await flushPromises()
    expect(errorOf(wrapper, 'claimed')).toBe('')
  })

  it("hands person fields to the app's slot and falls back to a select of people", async () => {
    const slot = mountForm(
      { schema: personOnly },
      {
        person: (p: { label: string; update: (v: unknown) => void }) =>
          h('button', { class: 'picker', onClick: () => p.update('u-lee') }, `pick ${p.label}`),
      },
    )
    expect(slot.wrapper.find('.picker').text()).toBe('pick 覆核人')
    await slot.wrapper.find('.picker').trigger('click')
    expect(slot.values.value.reviewer).toBe('u-lee')
    const fallback = mountForm({ schema: personOnly, people: [{ value: 'u-lee', label: '李嘉欣' }] })
    expect(fallback.wrapper.find('[data-field="reviewer"] .el-select').exists()).toBe(true)
    const none = mountForm({ schema: personOnly })
    expect(none.wrapper.find('[data-field="reviewer"]').text()).toContain('此處未能選擇人員')
  })

  it("uploads files through the app's function and keeps their references", async () => {
    const uploaded: string[] = []
    const uploadFile = async (f: File) => {
      uploaded.push(f.name)
      return { id: `b-${f.name}`, name: f.name, size: f.size, mime: f.type }
    }
    const { wrapper, values } = mountForm({ uploadFile, modelValue: { claimed: 'x' } })
    await flushPromises()
    const input = wrapper.find('[data-field="screenshots"] input[type="file"]')
    const file = new File(['png'], 'shot.png', { type: 'image/png' })
    const exe = new File(['x'], 'bad.exe', { type: 'application/x-msdownload' })
    Object.defineProperty(input.element, 'files', { value: [file, exe], configurable: true })
    await input.trigger('change')
    await flushPromises()
    expect(uploaded).toEqual(['shot.png'])
    expect(values.value.screenshots).toEqual([{ id: 'b-shot.png', name: 'shot.png', size: 3, mime: 'image/png' }])
    expect(wrapper.find('.suite-file-input__list').text()).toContain('shot.png')
  })
})
