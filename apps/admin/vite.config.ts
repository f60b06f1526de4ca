import { defineAppConfig } from '@suite/vite-config'

export default defineAppConfig({ name: 'admin', port: 5176 })
