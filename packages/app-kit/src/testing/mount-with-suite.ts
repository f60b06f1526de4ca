import type { Locale, Session } from '@suite/domain'
import { demoUser, makeSession, makeUser } from '@suite/domain/testing'
import { createSuiteI18n, ELEMENT_LOCALES, type MessageTree, type SuiteI18n } from '@suite/ui'
import { flushPromises, mount } from '@vue/test-utils'
import { provideGlobalConfig } from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { computed, defineComponent, type App } from 'vue'
import { createMemoryHistory, createRouter, type Router, type RouteRecordRaw } from 'vue-router'
import { APP_DEPS, type AppDeps } from '../deps'
import { useSessionStore } from '../session-store'

/** The app's `api` dependency (its client's type, declared by the app's augmentation of {@link AppDeps}). */
export type AppApi = AppDeps extends { api: infer A } ? A : unknown

/** What one app's component tests share; set once per app in its vitest setup file. */
export interface SuiteMountDefaults {
  /** The app's messages, merged with the suite's. */
  messages?: Record<Locale, MessageTree>
  /** The app's routes (memory history); a blank page for every path when none. */
  routes?: RouteRecordRaw[]
  /** The app's other dependencies (a DingTalk fake, a fixed clock), made afresh for every mount. */
  deps?: () => Partial<AppDeps>
  /** Who is signed in unless a test says otherwise; a demo partner by default, null for nobody. */
  session?: () => Session | null
  /** zh-HK unless set. */
  locale?: Locale
}

/** Options of {@link mountWithSuite}. */
export interface MountWithSuiteOptions {
  props?: Record<string, unknown>
  slots?: Record<string, unknown>
  /** The fake API client (see {@link fakeApi}). */
  api?: AppApi
  /** Where the router starts (`'/'` by default); its params and query reach the component. */
  route?: string
  locale?: Locale
  /** Dependencies beside the API client; win over the app's defaults. */
  deps?: Partial<AppDeps>
  /** Who is signed in (null: nobody). A Pinia handed in that already has a session keeps it. */
  session?: Session | null
  /** Sign in as this demo user (`DEMO_USERS`) instead: the shorthand of `session: makeSession(makeUser(demoUser(id)))`. */
  userId?: string
  /** A Pinia the test has already filled (stores set up before the mount). */
  pinia?: Pinia
  /** Runs with Pinia active, before the router starts and the component mounts (fill a store). */
  before?: () => void
  /** Where to attach the component; `document.body` by default (dialogs and message boxes live there), null for nowhere. */
  attachTo?: Element | null
}

let defaults: SuiteMountDefaults = {}
const NO_MESSAGES: Record<Locale, MessageTree> = { 'zh-HK': {}, 'zh-CN': {}, en: {} }
const BlankPage = defineComponent({ name: 'BlankPage', render: () => null })

/** Set an app's {@link SuiteMountDefaults}, in the setup file its vitest project names. Test-only. */
export function setSuiteMountDefaults(next: SuiteMountDefaults): void {
  defaults = next
}

/** A fake API client: only the parts a test gives exist, so anything else fails loudly. Test-only. */
export function fakeApi(parts: Record<string, unknown>): AppApi {
  return parts as unknown as AppApi
}

/** Element Plus in the current language, as `<ElConfigProvider :locale>` does in the kernel's root component. */
function elementConfig(i18n: SuiteI18n) {
  return {
    install: (app: App) => {
      provideGlobalConfig(
        computed(() => ({ locale: ELEMENT_LOCALES[i18n.global.locale.value as Locale] })),
        app,
      )
    },
  }
}

/**
 * Mount a component the way `createSuiteApp` runs it: Pinia with a signed-in session, the suite's
 * i18n with the app's messages (zh-HK unless told), Element Plus in the same language, the app's
 * routes in memory history at `route`, and the app's dependencies under `APP_DEPS` (the fake
 * `api`, the app's defaults, `deps`). Waits for the first answers before resolving. Test-only.
 *
 * @example
 * const { wrapper, router } = await mountWithSuite(CasesPage, { api: fakeApi({ cases: { list } }), route: '/', locale: 'en' })
 */
export async function mountWithSuite<C>(component: C, options: MountWithSuiteOptions = {}) {
  const pinia = options.pinia ?? createPinia()
  setActivePinia(pinia)
  const store = useSessionStore(pinia)
  if (options.userId) store.setSession(makeSession(makeUser(demoUser(options.userId))))
  else if (options.session !== undefined) store.setSession(options.session)
  else if (!store.session) store.setSession(defaults.session ? defaults.session() : makeSession())
  options.before?.()

  const routes = defaults.routes ?? [{ path: '/:path(.*)*', component: BlankPage }]
  const router: Router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(options.route ?? '/')
  await router.isReady()
  const i18n = createSuiteI18n(defaults.messages ?? NO_MESSAGES, {
    locale: options.locale ?? defaults.locale ?? 'zh-HK',
  })
  const deps = {
    api: {},
    ...defaults.deps?.(),
    ...(options.api === undefined ? {} : { api: options.api }),
    ...options.deps,
  } as unknown as AppDeps

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-utils' overloads do not accept a generic component
  const wrapper = mount(component as any, {
    props: options.props,
    slots: options.slots,
    attachTo: options.attachTo === undefined ? document.body : (options.attachTo ?? undefined),
    global: { plugins: [pinia, i18n, router, elementConfig(i18n)], provide: { [APP_DEPS as symbol]: deps } },
  })
  await flushPromises()
  return { wrapper, router, pinia, i18n, deps }
}
