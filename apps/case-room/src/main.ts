import '@suite/ui/theme.css'
import { createSuiteI18n } from '@suite/ui'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { api, dingtalk, urlCorpId } from './api'
import { APP_DEPS } from './deps'
import { messages } from './locales'
import { createCaseRoomRouter } from './router'
import { useSessionStore } from './stores/session'

const pinia = createPinia()
const router = createCaseRoomRouter()
const app = createApp(App)
  .use(pinia)
  .use(createSuiteI18n(messages))
  .use(router)
  .provide(APP_DEPS, { api, dingtalk, corpId: () => useSessionStore(pinia).corpId ?? urlCorpId, now: () => new Date() })

// The invitation page must render outside the sign-in gate: know the route before the first render.
void router.isReady().then(() => app.mount('#app'))
