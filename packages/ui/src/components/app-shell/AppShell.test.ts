import { afterEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mountWithI18n } from '../../testing/mount-with-i18n'
import AppShell from './AppShell.vue'

const slots = { default: () => h('p', 'page'), aside: () => h('nav', { class: 'filters' }, 'filters') }

/** Makes `matchMedia` answer as on a screen `width` pixels wide (min-width queries only). */
function screenWidth(width: number) {
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query)
    return {
      matches: min ? width >= Number(min[1]) : false,
      media: query,
      addEventListener() {},
      removeEventListener() {},
    } as unknown as MediaQueryList
  })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('AppShell', () => {
  it('shows the title, the user with a translated role, and emits sign-out and back', async () => {
    screenWidth(1280)
    const { wrapper } = mountWithI18n(AppShell, {
      props: { title: '案件室', showBack: true, user: { name: '謝家輝 Tse Ka-fai', role: 'client' } },
      slots,
    })
    expect(wrapper.find('h1').text()).toBe('案件室')
    expect(wrapper.find('.suite-app-shell__name').text()).toBe('謝家輝 Tse Ka-fai')
    expect(wrapper.find('.suite-app-shell__role').text()).toBe('客戶')
    await wrapper.find('button[aria-label="登出"]').trigger('click')
    await wrapper.find('button[aria-label="返回"]').trigger('click')
    expect(wrapper.emitted('sign-out')).toHaveLength(1)
    expect(wrapper.emitted('back')).toHaveLength(1)
    expect(wrapper.find('main').text()).toBe('page')
  })

  it('shows the aside slot as a side column only on wide screens', () => {
    screenWidth(1280)
    expect(
      mountWithI18n(AppShell, { props: { title: 'x' }, slots })
        .wrapper.find('aside .filters')
        .exists(),
    ).toBe(true)
    screenWidth(390)
    expect(
      mountWithI18n(AppShell, { props: { title: 'x' }, slots })
        .wrapper.find('aside')
        .exists(),
    ).toBe(false)
  })

  it('hides the user block and sign-out without a user', () => {
    screenWidth(390)
    const { wrapper } = mountWithI18n(AppShell, { props: { title: 'x' }, slots })
    expect(wrapper.find('.suite-app-shell__user').exists()).toBe(false)
    expect(wrapper.find('button[aria-label="登出"]').exists()).toBe(false)
  })
})
