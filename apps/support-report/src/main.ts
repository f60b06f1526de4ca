import '@suite/ui/theme.css'
import { createSuiteI18n } from '@suite/ui'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createReportRouter } from './router'

// The shared messages (sign-in, states, errors) are here from the start; the app's own
// messages come with the signed-in shell (App.vue merges them before it is shown).
createApp(App)
  .use(createPinia())
  .use(createSuiteI18n({ 'zh-HK': {}, 'zh-CN': {}, en: {} }))
  .use(createReportRouter())
  .mount('#app')
