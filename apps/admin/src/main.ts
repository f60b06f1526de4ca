import '@suite/ui/theme.css'
import { createSuiteI18n } from '@suite/ui'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { bootMessages } from './locales/boot'
import { createAdminRouter } from './router'

createApp(App)
  .use(createPinia())
  .use(createSuiteI18n(bootMessages))
  .use(createAdminRouter())
  .mount('#app')
