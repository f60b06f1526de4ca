import '@suite/ui/theme.css'
import { createCourtCalendarApp } from './app'

void createCourtCalendarApp().mount('#app')
