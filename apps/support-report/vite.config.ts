import { defineAppConfig } from '@suite/vite-config'

export default defineAppConfig({ name: 'support-report', port: 5174 })
