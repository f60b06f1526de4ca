import { defineAppConfig } from '@suite/vite-config'

export default defineAppConfig({ name: 'court-calendar', port: 5172 })
