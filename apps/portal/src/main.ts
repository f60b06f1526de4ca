import '@suite/ui/theme.css'
import { createPortalApp } from './app'

void createPortalApp().mount('#app')
