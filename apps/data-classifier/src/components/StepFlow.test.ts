import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it } from 'vitest'
import { useWizardStore } from '../stores/wizard'
import { freshPinia, settle } from '../testing/helpers'
import StepFlow from './StepFlow.vue'

describe('StepFlow', () => {
  it('flags and draws cross-border storage against the firm’s home', async () => {
    const pinia = freshPinia()
    const store = useWizardStore()
    store.addText('x', 'pasted', 'a.txt')
    store.addText('y', 'pasted', 'b.txt')
    for (const s of store.sources) store.setResult(s.id, [], 1)
    const [a, b] = store.sources
    store.setFlow(b!.id, 'mainland', 'external')
    const { wrapper } = await mountWithSuite(StepFlow, { pinia, locale: 'zh-CN' })
    await settle()
    expect(wrapper.findAll('[data-test="cross-border"]')).toHaveLength(1)
    expect(wrapper.find(`[data-edge="${b!.id}>mainland"]`).classes()).toContain('is-cross')
    expect(wrapper.find(`[data-edge="${a!.id}>hong_kong"]`).classes()).not.toContain('is-cross')
    expect(wrapper.find('[data-edge="mainland>external"]').classes()).toContain('is-external')
    expect(wrapper.find('[data-node="hong_kong"]').classes()).toContain('is-home')
    expect(wrapper.find('.flow-diagram svg').attributes('aria-label')).toBe('2 个来源的数据流向图，其中 1 个跨境')
    store.home = 'macau'
    await settle()
    expect(wrapper.findAll('[data-test="cross-border"]')).toHaveLength(2)
    wrapper.unmount()
  })
})
