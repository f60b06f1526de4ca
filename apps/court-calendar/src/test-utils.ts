import { APP_DEPS, type AppDeps, useSessionStore } from '@suite/app-kit'
import type { CourtCalendarOptions, Session } from '@suite/domain'
import { makeSession } from '@suite/domain/testing'
import { createSuiteI18n } from '@suite/ui'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { messages } from './locales'
import { routes } from './router'

/** What `/court-calendar/options` answers for a partner of the two demo cases. Test-only. */
export const OPTIONS: CourtCalendarOptions = {
  cases: [
    { id: 'case-hca-1234' as never, number: 'HCA 1234/2026', title: 'Tse Ka-fai v Oriental Trading Ltd', canEdit: true },
    { id: 'case-hcmp-0420' as never, number: 'HCMP 420/2025', title: 'Re Oriental Trading Ltd', canEdit: true },
  ],
  lawyers: [
    { id: 'u-chan' as never, name: '陳大文 Chan Tai-man', caseIds: ['case-hca-1234', 'case-hcmp-0420'] as never[], hasDingTalk: true },
    { id: 'u-lee' as never, name: '李嘉欣 Lee Ka-yan', caseIds: ['case-hca-1234'] as never[], hasDingTalk: true },
  ],
  courts: ['Court of First Instance 原訟法庭'],
  isAdmin: false,
}

/** A fake `courtCalendar` API: the given methods, plus `options`; anything else fails loudly. Test-only. */
export function fakeApi(parts: Record<string, unknown>, options: CourtCalendarOptions = OPTIONS): AppDeps['api'] {
  return { courtCalendar: { options: vi.fn(async () => options), ...parts } } as unknown as AppDeps['api']
}

/** Mount a page the way the app runs it: pinia, i18n (zh-HK unless told), router at `path`, injected deps. Test-only. */
export async function mountApp<C>(component: C, o: { api: AppDeps['api']; path?: string; session?: Session; locale?: 'zh-HK' | 'en' | 'zh-CN'; now?: () => Date; copyText?: AppDeps['copyText'] }) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().setSession(o.session ?? makeSession())
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(o.path ?? '/')
  await router.isReady()
  const deps: AppDeps = {
    api: o.api,
    dingtalk: { setTitle: vi.fn(async () => undefined) },
    now: o.now ?? (() => new Date('2026-04-08T02:00:00Z')),
    copyText: o.copyText ?? vi.fn(async () => undefined),
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-utils' overloads do not accept a generic component
  const wrapper = mount(component as any, {
    attachTo: document.body,
    global: { plugins: [pinia, createSuiteI18n(messages, { locale: o.locale ?? 'zh-HK' }), router], provide: { [APP_DEPS as symbol]: deps } },
  })
  await flushPromises()
  return { wrapper, router, pinia, deps }
}
