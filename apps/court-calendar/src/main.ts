import '@suite/ui/theme.css'
import { createSuiteI18n } from '@suite/ui'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createCourtCalendarRouter } from './router'

// The app's own messages and dependencies (APP_DEPS) come with the signed-in shell,
// components/CourtShell.vue, which is loaded lazily: the first bundle only draws the sign-in screen.
createApp(App)
  .use(createPinia())
  .use(createSuiteI18n({ 'zh-HK': {}, 'zh-CN': {}, en: {} }))
  .use(createCourtCalendarRouter())
  .mount('#app')
