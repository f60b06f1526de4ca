import type { ApiClient } from '@suite/api-client'
import { APP_DEPS, type AppDeps, useSessionStore } from '@suite/app-kit'
import type { Locale } from '@suite/domain'
import { demoUser, makeSession, makeUser } from '@suite/domain/testing'
import { createSuiteI18n } from '@suite/ui'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { messages } from '../locales'
import { routes } from '../router'

// Every page mounted by a test goes away after it, so forms do not pile up in the document.
enableAutoUnmount(afterEach)

/** A fake of the `support` resource: only the methods a test gives exist. */
export type FakeSupport = Partial<ApiClient['support']>

/**
 * Mount a page with what the app kernel provides: pinia with a signed-in demo user, the app's i18n,
 * the real routes in memory history, and a fake api client. Test-only.
 */
export async function mountPage(page: Component, o: { support?: FakeSupport; userId?: string; locale?: Locale; path?: string } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const user = makeUser(demoUser(o.userId ?? 'u-cheung'))
  useSessionStore().setSession(makeSession(user))
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(o.path ?? '/')
  const api = { support: (o.support ?? {}) as ApiClient['support'] }
  const wrapper = mount(page, {
    attachTo: document.body,
    global: { plugins: [pinia, router, createSuiteI18n(messages, { locale: o.locale ?? 'zh-HK' })], provide: { [APP_DEPS as symbol]: { api } satisfies AppDeps } },
  })
  await flushPromises()
  return { wrapper, router, pinia, api }
}
