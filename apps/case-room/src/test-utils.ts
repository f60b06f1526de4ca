import type { ApiClient } from '@suite/api-client'
import { APP_DEPS, type AppDeps, useSessionStore } from '@suite/app-kit'
import type { Session } from '@suite/domain'
import { makeSession } from '@suite/domain/testing'
import { createSuiteI18n } from '@suite/ui'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { messages } from './locales'
import { routes } from './router'

/** A fake API client: only the methods a test gives exist; anything else fails loudly. Test-only. */
export function fakeApi(parts: Record<string, unknown>): ApiClient {
  return parts as unknown as ApiClient
}

/** Mount a component the way the app runs it: pinia, i18n (zh-HK unless told), router at `path`, injected deps. Test-only. */
export async function mountApp<C>(component: C, o: { api: ApiClient; path?: string; session?: Session; props?: Record<string, unknown>; dingtalk?: Partial<AppDeps['dingtalk']>; locale?: 'zh-HK' | 'en' | 'zh-CN'; now?: () => Date; before?: () => void }) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().setSession(o.session ?? makeSession())
  o.before?.()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(o.path ?? '/')
  await router.isReady()
  const deps: AppDeps = {
    api: o.api,
    dingtalk: { inDingTalk: false, complexPicker: vi.fn(), requestAuthCode: vi.fn(), setTitle: vi.fn(async () => undefined), ...o.dingtalk },
    corpId: () => 'dingdemocorp0001',
    now: o.now ?? (() => new Date('2026-03-02T04:00:00Z')),
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-utils' overloads do not accept a generic component
  const wrapper = mount(component as any, {
    props: o.props, attachTo: document.body,
    global: { plugins: [pinia, createSuiteI18n(messages, { locale: o.locale ?? 'zh-HK' }), router], provide: { [APP_DEPS as symbol]: deps } },
  })
  await flushPromises()
  return { wrapper, router, pinia, deps }
}
