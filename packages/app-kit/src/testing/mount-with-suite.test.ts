/* eslint-disable vue/one-component-per-file -- test fixtures: a probe and a page */
import { ElPagination } from 'element-plus'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { useDeps } from '../deps'
import { useSessionStore } from '../session-store'
import { fakeApi, mountWithSuite, setSuiteMountDefaults } from './mount-with-suite'

/** Shows what a page of an app sees: the signed-in user, the route, its deps and a translated message. */
const Probe = defineComponent({
  name: 'ProbeView',
  setup() {
    const deps = useDeps() as { api: { name: string }; greeting?: string }
    const route = useRoute()
    const store = useSessionStore()
    const { t } = useI18n()
    return () =>
      h(
        'p',
        { class: 'probe' },
        [store.user?.id ?? 'nobody', route.fullPath, deps.api.name, deps.greeting ?? '-', t('demo.hello')].join(' | '),
      )
  },
})

afterEach(() => {
  setSuiteMountDefaults({})
  document.body.innerHTML = ''
})

describe('mountWithSuite', () => {
  it('mounts as the kernel runs an app: a signed-in demo partner, the route, the app deps and messages', async () => {
    setSuiteMountDefaults({
      messages: {
        'zh-HK': { demo: { hello: '你好' } },
        'zh-CN': { demo: { hello: '你好' } },
        en: { demo: { hello: 'Hello' } },
      },
      routes: [{ path: '/cases/:id', component: Probe }],
      deps: () => ({ greeting: 'from the app' }) as never,
    })
    const { wrapper } = await mountWithSuite(Probe, { api: fakeApi({ name: 'fake api' }), route: '/cases/c1' })
    expect(wrapper.text()).toBe('u-chan | /cases/c1 | fake api | from the app | 你好')
    expect(wrapper.element.isConnected).toBe(true)
  })

  it('signs in whom the test says, or nobody, and keeps a session a Pinia handed in already has', async () => {
    expect(
      (
        await mountWithSuite(Probe, { api: fakeApi({ name: 'a' }), userId: 'u-client-tse', locale: 'en' })
      ).wrapper.text(),
    ).toMatch(/^u-client-tse \| \/ \| a \| - \| demo.hello$/)
    expect((await mountWithSuite(Probe, { api: fakeApi({ name: 'a' }), session: null })).wrapper.text()).toMatch(
      /^nobody/,
    )
    const first = await mountWithSuite(Probe, { api: fakeApi({ name: 'a' }), userId: 'u-lam' })
    const again = await mountWithSuite(Probe, { api: fakeApi({ name: 'a' }), pinia: first.pinia })
    expect(again.wrapper.text()).toMatch(/^u-lam/)
  })

  it('puts Element Plus in the language of the page', async () => {
    const Page = defineComponent({
      name: 'PagerPage',
      setup: () => () => h(ElPagination, { total: 50, layout: 'total' }),
    })
    expect((await mountWithSuite(Page, { locale: 'en' })).wrapper.text()).toContain('Total 50')
    expect((await mountWithSuite(Page, { locale: 'zh-HK' })).wrapper.text()).toContain('共 50 項')
  })
})
