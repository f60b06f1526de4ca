import '@suite/ui/theme.css'
import { createAdminApp } from './app'

void createAdminApp().mount('#app')
