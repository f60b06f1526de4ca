import type { ApiClientOptions } from '@suite/api-client'
import { createDingTalk, readCorpId, type DingTalk } from '@suite/dingtalk'
import type { Locale, Session } from '@suite/domain'
import {
  createSessionExpiry,
  createSuiteI18n,
  LOCALE_MESSAGES,
  SUITE_DINGTALK,
  type MessageTree,
  type SignInApi,
  type SuiteI18n,
} from '@suite/ui'
import { createPinia, type Pinia } from 'pinia'
import {
  createApp,
  defineAsyncComponent,
  defineComponent,
  h,
  provide,
  type App,
  type Component,
  type ComponentPublicInstance,
} from 'vue'
import { RouterView, type Router } from 'vue-router'
import { APP_DEPS, type AppDeps } from './deps'
import { SUITE_KIT } from './kit'
import { lazy } from './lazy'
import { lazySignInApi } from './lazy-sign-in-api'
import { useSessionStore } from './session-store'
import SuiteRoot from './SuiteRoot.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Rendered outside the sign-in gate (an invitation opened by someone without an account). */
    public?: boolean
  }
}

/** An app's messages per locale (its own keys; the suite's shared ones are always there). */
export type AppMessages = Record<Locale, MessageTree>

/**
 * An app's messages, one loader per locale (`() => import('./locales/en').then((m) => m.en)`):
 * only the language on screen is fetched, another one when the person switches to it.
 */
export type AppMessageLoaders = Record<Locale, () => Promise<MessageTree>>

/** What an app's sign-in hooks can reach. */
export interface SuiteAppContext<Api> {
  pinia: Pinia
  /** The app's API client, loaded once. */
  api: () => Promise<Api>
}

/** What an app builds its {@link AppDeps} from. */
export interface DepsContext<Api> {
  /** The app's API client, wired to the session expiry. */
  api: Api
  dingtalk: DingTalk
  /** The DingTalk org: the URL's, else the signed-in session's. */
  corpId: () => string | null
  pinia: Pinia
}

/** What an app's API module (`src/api.ts`) exports. */
export interface SuiteApiModule<Api extends SignInApi> {
  /** Builds the app's client (`composeApiClient` with the app's resources) on the kernel's transport options. */
  createApi: (options: ApiClientOptions) => Api
  /** The sign-in gate's view of the client, when it is not the client itself (the case room's device re-entry). */
  signInApi?: (api: Api) => SignInApi
}

/** What an app hands the kernel: only what is its own. */
export interface SuiteAppOptions<Api extends SignInApi> {
  /** i18n key of the title shown in DingTalk's navigation bar (`document.title` in a browser). */
  title: string
  /** The app's router (hash history); routes with `meta.public` render outside the sign-in gate. */
  router: Router
  /**
   * The app's API module, `() => import('./api')`. Its `createApi` gets the transport options
   * from the kernel (base URL, and `onUnauthenticated` wired to the sign-in gate), so no app can
   * forget them. Loaded in parallel with the first screen, never part of it.
   */
  api: () => Promise<SuiteApiModule<Api>>
  /** The app's messages per locale; the current language's are merged before the shell or a public page renders. */
  messages: AppMessageLoaders
  /** The few app messages the first screen needs before the rest arrive (the title, when it is the app's own). */
  bootMessages?: AppMessages
  /** The signed-in shell, `() => import('./components/XShell.vue')`; gets `title`, `user` and emits `sign-out`. */
  shell: () => Promise<{ default: Component }>
  /** What pages get from `useDeps()`. */
  deps: (context: DepsContext<Api>) => AppDeps
  /** After each sign-in (also a sign-in again after the session ended), once the session store has it. */
  onSignedIn?: (session: Session, context: SuiteAppContext<Api>) => void
  /** After a sign-out, before the session store forgets the session. */
  onSignedOut?: (context: SuiteAppContext<Api>) => void
  /** Tests: a DingTalk handle instead of `createDingTalk()`. */
  dingtalk?: DingTalk
  /** Tests: the workbench corp id instead of the URL's. */
  corpId?: string | null
  /** Tests: transport options (an absolute base URL, no retries). */
  apiOptions?: Omit<ApiClientOptions, 'onUnauthenticated'>
  /** Tests: start in this language. */
  locale?: Locale
}

/** What tests (and per-app factories) may override in {@link SuiteAppOptions}. */
export type SuiteAppOverrides = Partial<
  Pick<SuiteAppOptions<SignInApi>, 'router' | 'dingtalk' | 'corpId' | 'apiOptions' | 'locale'>
>

/** The app {@link createSuiteApp} builds. */
export interface SuiteApp {
  app: App
  router: Router
  pinia: Pinia
  i18n: SuiteI18n
  /** Mount on `el`; an app with public routes first waits for its first route, so the gate is not started for nothing. */
  mount(el: string | Element): Promise<ComponentPublicInstance>
}

const NO_MESSAGES: AppMessages = { 'zh-HK': {}, 'zh-CN': {}, en: {} }

/** The app's `inner` component with its dependencies provided around it. */
function withDeps(inner: Component, deps: AppDeps): Component {
  return defineComponent({
    name: 'SuiteAppDeps',
    inheritAttrs: false,
    setup(_props, { attrs, slots }) {
      provide(APP_DEPS, deps)
      return () => h(inner, attrs, slots)
    },
  })
}

/**
 * Builds one mini-app the way every app of the suite runs: Pinia, the suite's i18n, the app's
 * router, the DingTalk handle, the sign-in gate with session expiry always wired (a 401 signs in
 * again over the page instead of unmounting it), and the API client, messages and shell loaded
 * lazily (once, retried on a flaky network) in parallel with the first screen.
 *
 * @example
 * createSuiteApp({
 *   title: 'apps.portal.title', router: createPortalRouter(),
 *   api: () => import('./api'), messages: { en: () => import('./locales/en').then((m) => m.en), ... },
 *   shell: () => import('./components/PortalShell.vue'), deps: () => ({}),
 * }).mount('#app')
 */
export function createSuiteApp<Api extends SignInApi>(options: SuiteAppOptions<Api>): SuiteApp {
  const dingtalk = options.dingtalk ?? createDingTalk()
  const urlCorpId = options.corpId !== undefined ? options.corpId : readCorpId()
  const expiry = createSessionExpiry()
  const pinia = createPinia()
  const i18n = createSuiteI18n(options.bootMessages ?? NO_MESSAGES, options.locale ? { locale: options.locale } : {})
  const store = useSessionStore(pinia)
  store.setUrlCorpId(urlCorpId)
  const { router } = options

  const loadClient = lazy(async () => {
    const [{ createApi, signInApi }, { env }] = await Promise.all([options.api(), import('./env')])
    const api = createApi({
      baseURL: env.VITE_API_BASE,
      ...options.apiOptions,
      onUnauthenticated: () => expiry.notify(),
    })
    return { api, signIn: signInApi ? signInApi(api) : api }
  })
  const loadApi = () => loadClient().then((client) => client.api)
  const messageLoads = new Map<Locale, () => Promise<void>>()
  /** The app's messages of `locale` (the current language by default), fetched and merged once. */
  function loadMessages(locale = i18n.global.locale.value as Locale): Promise<void> {
    let load = messageLoads.get(locale)
    if (!load) {
      load = lazy(async () => {
        i18n.global.mergeLocaleMessage(locale, await options.messages[locale]())
      })
      messageLoads.set(locale, load)
    }
    return load()
  }
  const loadDeps = lazy(async () => options.deps({ api: await loadApi(), dingtalk, corpId: () => store.corpId, pinia }))
  const loadShell = lazy(() => options.shell())
  const loadSignInApi = () => loadClient().then((client) => client.signIn)
  const context: SuiteAppContext<Api> = { pinia, api: loadApi }

  const app = createApp(SuiteRoot)
  app.provide(SUITE_KIT, {
    title: options.title,
    dingtalk,
    urlCorpId,
    expiry,
    signInApi: lazySignInApi(loadSignInApi),
    loadApi,
    Shell: defineAsyncComponent(
      lazy(async () => {
        const [shell, deps] = await Promise.all([loadShell(), loadDeps(), loadMessages()])
        return withDeps(shell.default, deps)
      }),
    ),
    PublicView: defineAsyncComponent(
      lazy(async () => {
        const [deps] = await Promise.all([loadDeps(), loadMessages()])
        return withDeps(RouterView, deps)
      }),
    ),
    onSignedIn: (session) => options.onSignedIn?.(session, context),
    onSignedOut: () => options.onSignedOut?.(context),
  })
  // The shell, the dialogs and the platform composables reach DingTalk through @suite/ui.
  app.provide(SUITE_DINGTALK, dingtalk)
  // A language picked later is fetched when it is picked: the language switch waits for it.
  app.provide(LOCALE_MESSAGES, loadMessages)
  app.use(pinia).use(i18n).use(router)

  // The first screen only draws the sign-in gate: the client (axios, zod, the schemas), the shell
  // and the app's messages are fetched now, alongside the session check, instead of being part of it.
  void Promise.all([loadSignInApi(), loadShell(), loadMessages()]).catch(() => undefined)

  const hasPublicRoutes = router.getRoutes().some((route) => route.meta.public === true)
  return {
    app,
    router,
    pinia,
    i18n,
    async mount(el) {
      if (hasPublicRoutes) await router.isReady()
      return app.mount(el)
    },
  }
}
