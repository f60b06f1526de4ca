import { useSessionStore } from '@suite/app-kit'
import type { ClassificationReportSummary } from '@suite/domain'
import { describe, expect, it, vi } from 'vitest'
import { DEMO_USERS, makeSession, makeUser } from '@suite/domain/testing'
import { freshPinia, mountWith, settle } from '../testing/setup'
import ReportsPage from './ReportsPage.vue'

const item = (id: string): ClassificationReportSummary => ({
  id, title: `Scan ${id}`, home: 'hong_kong', policyVersion: 0, scannedAt: '2025-04-17T02:00:00.000Z', createdBy: 'u-lee', createdByName: 'Lee',
  createdAt: '2025-04-17T02:05:00.000Z', sourceCount: 3, labels: { public: 1, internal: 1, confidential: 1 }, crossBorderCount: 1,
})

describe('ReportsPage', () => {
  it('lists saved reports page by page', async () => {
    const list = vi.fn()
      .mockResolvedValueOnce({ items: [item('a')], nextCursor: 'c1' })
      .mockResolvedValueOnce({ items: [item('b')], nextCursor: null })
    const wrapper = mountWith(ReportsPage, freshPinia(), { locale: 'en', props: { list } })
    await settle()
    expect(wrapper.text()).toContain('Scan a')
    expect(wrapper.text()).toContain('3 source(s)')
    expect(wrapper.text()).toContain('Cross-border 1')
    await wrapper.find('button').trigger('click')
    await settle()
    expect(list).toHaveBeenLastCalledWith({ limit: 20, cursor: 'c1' })
    expect(wrapper.findAll('li')).toHaveLength(2)
    wrapper.unmount()
  })

  it('shows the empty and error states', async () => {
    const empty = mountWith(ReportsPage, freshPinia(), { locale: 'en', props: { list: async () => ({ items: [], nextCursor: null }) } })
    await settle()
    expect(empty.text()).toContain('No reports saved yet')
    empty.unmount()
    const failing = mountWith(ReportsPage, freshPinia(), { locale: 'en', props: { list: async () => { throw Object.assign(new Error('x'), { code: 'network_error' }) } } })
    await settle()
    expect(failing.find('button').exists()).toBe(true)
    failing.unmount()
  })

  it('offers administrators the label policy in the admin app, where it is edited and published with a step-up', async () => {
    const page = async (userId: string) => {
      const pinia = freshPinia()
      useSessionStore(pinia).setSession(makeSession(makeUser(DEMO_USERS.find((u) => u.id === userId)!)))
      const w = mountWith(ReportsPage, pinia, { locale: 'en', props: { list: async () => ({ items: [], nextCursor: null }) } })
      await settle()
      return w
    }
    const compliance = await page('u-ng')
    expect(compliance.get('[data-test="edit-policy"]').attributes('href')).toBe('/apps/admin/?corpId=dingdemocorp0001#/documents/classification_policy/default')
    compliance.unmount()
    const associate = await page('u-lee')
    expect(associate.find('[data-test="edit-policy"]').exists()).toBe(false)
    associate.unmount()
  })
})
