import { useSessionStore } from '@suite/app-kit'
import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it, vi } from 'vitest'
import { DEMO_USERS, makeClassificationReportSummary, makeSession, makeUser } from '@suite/domain/testing'
import { freshPinia, settle } from '../testing/helpers'
import ReportsPage from './ReportsPage.vue'

describe('ReportsPage', () => {
  it('lists saved reports page by page', async () => {
    const list = vi
      .fn()
      .mockResolvedValueOnce({ items: [makeClassificationReportSummary('a')], nextCursor: 'c1' })
      .mockResolvedValueOnce({ items: [makeClassificationReportSummary('b')], nextCursor: null })
    const { wrapper } = await mountWithSuite(ReportsPage, { locale: 'en', props: { list } })
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
    const { wrapper: empty } = await mountWithSuite(ReportsPage, {
      locale: 'en',
      props: { list: async () => ({ items: [], nextCursor: null }) },
    })
    await settle()
    expect(empty.text()).toContain('No reports saved yet')
    empty.unmount()
    const { wrapper: failing } = await mountWithSuite(ReportsPage, {
      locale: 'en',
      props: {
        list: async () => {
          throw Object.assign(new Error('x'), { code: 'network_error' })
        },
      },
    })
    await settle()
    expect(failing.find('button').exists()).toBe(true)
    failing.unmount()
  })

  it('offers administrators the label policy in the admin app, where it is edited and published with a step-up', async () => {
    const page = async (userId: string) => {
      const pinia = freshPinia()
      useSessionStore(pinia).setSession(makeSession(makeUser(DEMO_USERS.find((u) => u.id === userId)!)))
      const { wrapper: w } = await mountWithSuite(ReportsPage, {
        pinia,
        locale: 'en',
        props: { list: async () => ({ items: [], nextCursor: null }) },
      })
      await settle()
      return w
    }
    const compliance = await page('u-ng')
    expect(compliance.get('[data-test="edit-policy"]').attributes('href')).toBe(
      '/apps/admin/?corpId=dingdemocorp0001#/documents/classification_policy/default',
    )
    compliance.unmount()
    const associate = await page('u-lee')
    expect(associate.find('[data-test="edit-policy"]').exists()).toBe(false)
    associate.unmount()
  })
})
