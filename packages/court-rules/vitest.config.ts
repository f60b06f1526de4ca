import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'court-rules', environment: 'node', include: ['src/**/*.test.ts'] },
})
