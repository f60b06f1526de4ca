import '@suite/ui/theme.css'
import './print.css'
import { createClassifierApp } from './app'

void createClassifierApp().mount('#app')
