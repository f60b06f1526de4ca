import '@suite/ui/theme.css'
import { createSuiteI18n } from '@suite/ui'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { api, dingtalk } from './api'
import { APP_DEPS } from './deps'
import { messages } from './locales'
import { createCourtCalendarRouter } from './router'

createApp(App)
  .use(createPinia())
  .use(createSuiteI18n(messages))
  .use(createCourtCalendarRouter())
  .provide(APP_DEPS, { api, dingtalk, now: () => new Date(), copyText: (text) => navigator.clipboard.writeText(text) })
  .mount('#app')
