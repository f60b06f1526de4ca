import '@suite/ui/theme.css'
import { createSuiteI18n } from '@suite/ui'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { APP_DEPS } from './deps'
import { dingtalk, urlCorpId } from './platform'
import { createCaseRoomRouter } from './router'
import { useSessionStore } from './stores/session'

/** A lazy module, retried a few times on a flaky network. */
async function load<T>(importer: () => Promise<T>, attempt = 1): Promise<T> {
  try {
    return await importer()
  } catch (e) {
    if (attempt > 3) throw e
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt))
    return load(importer, attempt + 1)
  }
}

const pinia = createPinia()
const router = createCaseRoomRouter()
// The suite's shared messages (sign-in, states, app names) now; the case room's own ones before the first render.
const i18n = createSuiteI18n({ 'zh-HK': {}, 'zh-CN': {}, en: {} })
const app = createApp(App)
  .use(pinia)
  .use(i18n)
  .use(router)

// The invitation page must render outside the sign-in gate: know the route before the first render.
// Every route's page is lazy, so the first render already waits for a page chunk: the API client
// (axios, zod, the response schemas) and the case room's messages are fetched alongside it
// instead of being part of the first bundle.
void Promise.all([load(() => import('./api')), load(() => import('./locales')), router.isReady()]).then(([{ api }, { messages }]) => {
  for (const [locale, tree] of Object.entries(messages)) i18n.global.mergeLocaleMessage(locale, tree)
  app.provide(APP_DEPS, { api, dingtalk, corpId: () => useSessionStore(pinia).corpId ?? urlCorpId, now: () => new Date() })
  app.mount('#app')
})
