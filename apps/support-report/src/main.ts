import '@suite/ui/theme.css'
import { createSupportReportApp } from './app'

void createSupportReportApp().mount('#app')
