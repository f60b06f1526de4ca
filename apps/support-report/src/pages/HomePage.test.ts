import { mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import HomePage from './HomePage.vue'

describe('HomePage', () => {
  it('puts the report window one tap away', async () => {
    const { wrapper, router } = await mountWithSuite(HomePage)
    const button = wrapper.get('[data-test="report-button"]')
    expect(button.text()).toContain('回報可疑聯絡')
    await button.trigger('click')
    await flushPromises()
    // The route's page is loaded lazily: navigation completes once its code is in.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('report'), { timeout: 20_000 })
  })

  it('shows where the official channel is', async () => {
    const { wrapper } = await mountWithSuite(HomePage, { locale: 'en' })
    expect(wrapper.findAll('[data-test="guidance"] li').map((li) => li.text())).toEqual([
      'Me',
      'Help & Feedback',
      'Contact customer service',
    ])
  })

  it('offers the consoles only to the roles that use them', async () => {
    const staff = await mountWithSuite(HomePage)
    expect(staff.wrapper.find('nav').exists()).toBe(false)
    const it_ = await mountWithSuite(HomePage, { userId: 'u-lam' })
    expect(it_.wrapper.findAll('nav a').map((a) => a.attributes('href'))).toEqual(['/console', '/registry', '/drills'])
    const compliance = await mountWithSuite(HomePage, { userId: 'u-ng' })
    expect(compliance.wrapper.findAll('nav a').map((a) => a.attributes('href'))).toEqual(['/drills'])
  })
})
