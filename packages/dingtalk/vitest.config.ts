import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'dingtalk', environment: 'happy-dom', include: ['src/**/*.test.ts'] },
})
