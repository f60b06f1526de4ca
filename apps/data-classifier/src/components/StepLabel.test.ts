import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it } from 'vitest'
import { useWizardSteps } from '../composables/use-wizard-steps'
import { useWizardStore } from '../stores/wizard'
import { findingsOf, freshPinia, settle } from '../testing/helpers'
import StepLabel from './StepLabel.vue'

describe('StepLabel', () => {
  it('suggests from the policy, and a lower label needs a written justification before going on', async () => {
    const pinia = freshPinia()
    const store = useWizardStore()
    store.addText('x', 'pasted', 'ids.txt')
    store.setResult(store.sources[0]!.id, await findingsOf('身份證 A123456(3)'), 10)
    store.goTo(3)
    const { wrapper } = await mountWithSuite(StepLabel, { pinia, locale: 'en' })
    const steps = useWizardSteps()
    await settle()
    expect(wrapper.find('[data-test="suggested"]').text()).toBe('Confidential')
    expect(steps.blocker.value).toBeNull()
    await wrapper.find('[data-test="label-internal"] input').setValue(true)
    await settle()
    expect(store.sources[0]!.label).toBe('internal')
    expect(wrapper.find('[role="alert"]').text()).toContain('needs a justification')
    expect(steps.blocker.value).toBe('classifier.next.needJustification')
    await wrapper.find('.step-label__why textarea').setValue('Sample data from training')
    expect(steps.blocker.value).toBeNull()
    await wrapper.find('[data-test="label-confidential"] input').setValue(true)
    await settle()
    expect(wrapper.find('.step-label__why').exists()).toBe(false)
    wrapper.unmount()
  })
})
