import '@suite/ui/theme.css'
import './print.css'
import { createSuiteI18n } from '@suite/ui'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createClassifierRouter } from './router'

createApp(App)
  .use(createPinia())
  .use(createSuiteI18n({ 'zh-HK': {}, 'zh-CN': {}, en: {} })) // the app's own messages are merged in by App.vue, with the shell
  .use(createClassifierRouter())
  .mount('#app')
