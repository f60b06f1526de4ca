/* eslint-disable vue/one-component-per-file -- test fixtures: a shell and a page */
import { authResource, composeApiClient, type ApiClientOptions } from '@suite/api-client'
import { useLocale } from '@suite/ui'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { createSuiteApp, type SuiteAppOverrides } from './create-suite-app'
import { useDeps } from './deps'
import { useSessionStore } from './session-store'
import { itSignsInAgainOverThePage } from './testing'

const createApi = (options: ApiClientOptions) => composeApiClient({ auth: authResource }, options)
const messages = {
  'zh-HK': async () => ({ demo: { hello: '你好' } }),
  'zh-CN': async () => ({ demo: { hello: '你好' } }),
  en: async () => ({ demo: { hello: 'Hello' } }),
}
const Shell = defineComponent({
  name: 'DemoShell',
  props: { title: { type: String, default: '' } },
  setup: (props) => () => h('div', { class: 'demo-shell' }, [h('h1', props.title), h(RouterView)]),
})

/** A minimal app on the kernel: the auth resource, one message, a shell with a router view. */
function demoApp(overrides: SuiteAppOverrides & { deps?: () => object; messages?: typeof messages } = {}) {
  return createSuiteApp({
    title: 'apps.portal.title',
    router: createRouter({ history: createMemoryHistory(), routes: [] }),
    api: async () => ({ createApi }),
    messages,
    shell: async () => ({ default: Shell }),
    deps: overrides.deps ?? (() => ({})),
    ...overrides,
  })
}

describe('createSuiteApp', () => {
  itSignsInAgainOverThePage((o) => demoApp(o))

  it('renders a public page outside the sign-in gate, with the app messages and deps', async () => {
    const Invite = defineComponent({
      name: 'InvitePage',
      setup: () => {
        const deps = useDeps() as { greeting: string }
        return () => h('p', { class: 'invite' }, deps.greeting)
      },
    })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/invite', component: Invite, meta: { public: true } }],
    })
    await router.push('/invite')
    const api = vi.fn(async () => ({ createApi }))
    const suite = createSuiteApp({
      title: 'apps.portal.title',
      router,
      api,
      messages,
      shell: async () => ({ default: Shell }),
      deps: () => ({ greeting: 'welcome' }),
      locale: 'en',
      corpId: null,
      apiOptions: { baseURL: 'http://api.test/api' },
    })
    const el = document.createElement('div')
    await suite.mount(el)
    await vi.waitFor(() => expect(el.querySelector('.invite')?.textContent).toBe('welcome'))
    expect(el.querySelector('.suite-sign-in-gate')).toBeNull()
    expect(suite.i18n.global.t('demo.hello')).toBe('Hello')
    expect(api).toHaveBeenCalledTimes(1)
    suite.app.unmount()
  })

  it('fetches only the messages of the language on screen, and another one when it is picked', async () => {
    const loaders = { 'zh-HK': vi.fn(messages['zh-HK']), 'zh-CN': vi.fn(messages['zh-CN']), en: vi.fn(messages.en) }
    const Hello = defineComponent({
      name: 'HelloPage',
      setup: () => {
        const { t } = useI18n()
        const { setLocale } = useLocale()
        return () => h('button', { class: 'hello', onClick: () => setLocale('zh-HK') }, t('demo.hello'))
      },
    })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', component: Hello, meta: { public: true } }],
    })
    await router.push('/')
    const suite = demoApp({ locale: 'en', corpId: null, messages: loaders, router })
    const el = document.createElement('div')
    await suite.mount(el)
    await vi.waitFor(() => expect(el.querySelector('.hello')?.textContent).toBe('Hello'))
    expect(loaders['zh-HK']).not.toHaveBeenCalled()
    el.querySelector<HTMLButtonElement>('.hello')!.click()
    await vi.waitFor(() => expect(el.querySelector('.hello')?.textContent).toBe('你好'))
    expect(loaders['zh-CN']).not.toHaveBeenCalled()
    expect(loaders.en).toHaveBeenCalledTimes(1)
    suite.app.unmount()
  })

  it('keeps the session store and the title in step with the app', async () => {
    const suite = demoApp({ locale: 'en', corpId: 'dingcorp', apiOptions: { baseURL: 'http://api.test/api' } })
    expect(useSessionStore(suite.pinia).corpId).toBe('dingcorp')
    const el = document.createElement('div')
    await suite.mount(el)
    await flushPromises()
    await vi.waitFor(() => expect(document.title).toBe('Legal Suite'))
    suite.app.unmount()
  })
})
