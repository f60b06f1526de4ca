import { defineAppConfig } from '@suite/vite-config'

export default defineAppConfig({ name: 'portal', port: 5170 })
