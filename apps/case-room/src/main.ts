import '@suite/ui/theme.css'
import { createCaseRoomApp } from './app'

void createCaseRoomApp().mount('#app')
