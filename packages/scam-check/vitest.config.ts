import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'scam-check', environment: 'node', include: ['src/**/*.test.ts'] },
})
