import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it } from 'vitest'
import { useWizardStore } from '../stores/wizard'
import { findingsOf, freshPinia, settle } from '../testing/helpers'
import StepReview from './StepReview.vue'

async function setup(locale: 'zh-HK' | 'en' = 'zh-HK') {
  const pinia = freshPinia()
  const store = useWizardStore()
  store.addText('x', 'pasted', 'client.txt')
  store.addText('y', 'chat_export', 'chat.json')
  const [a, b] = store.sources
  store.setResult(a!.id, await findingsOf('身份證 A123456(3)、B123456(?)、Tel +852 9123 4567 合約'), 40)
  store.setResult(b!.id, await findingsOf('卡號 4111 1111 1111 1111'), 20)
  const { wrapper } = await mountWithSuite(StepReview, { pinia, locale })
  await settle()
  return { store, wrapper }
}

describe('StepReview', () => {
  it('groups masked findings by source and type, never showing a raw value', async () => {
    const { wrapper } = await setup()
    const html = wrapper.html()
    expect(html).not.toContain('A123456')
    expect(html).not.toContain('9123 4567')
    expect(wrapper.findAll('[data-type]').map((g) => g.attributes('data-type'))).toEqual([
      'hk_id',
      'phone',
      'keyword',
      'credit_card',
    ])
    expect(wrapper.find('[data-type="hk_id"] code').text()).toBe('A123***(*)')
    expect(wrapper.find('[data-type="hk_id"] h4').text()).toBe('香港身份證 (1)')
    expect(wrapper.text()).toContain('…') // snippets have context
    wrapper.unmount()
  })

  it('dismisses a finding with a reason and restores it', async () => {
    const { store, wrapper } = await setup('en')
    await wrapper.find('[data-type="hk_id"] [data-test="dismiss"]').trigger('click')
    await settle()
    const confirm = document.body.querySelector<HTMLButtonElement>('[data-test="confirm-dismiss"]')!
    expect(confirm).not.toBeNull()
    confirm.click()
    await settle()
    const hkid = () => store.sources[0]!.findings.find((x) => x.type === 'hk_id')!
    expect(hkid().dismissed).toEqual({ reason: 'false_positive', note: '' })
    expect(wrapper.find('[data-type="hk_id"] .step-review__dismissed').text()).toContain(
      'Dismissed: Not sensitive data',
    )
    await wrapper.find('[data-type="hk_id"] .is-dismissed button').trigger('click')
    expect(hkid().dismissed).toBeNull()
    wrapper.unmount()
  })
})
