import { defineAppConfig } from '@suite/vite-config'

export default defineAppConfig({ name: 'case-room', port: 5171 })
