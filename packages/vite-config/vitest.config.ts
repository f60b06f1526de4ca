import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'vite-config', environment: 'node', include: ['*.test.ts'] },
})
