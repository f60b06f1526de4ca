import vue from '@vitejs/plugin-vue'
import { defineProject } from 'vitest/config'

/** Pure engine tests run in node; renderer tests under src/vue say `@vitest-environment happy-dom`. */
export default defineProject({
  plugins: [vue()],
  test: { name: 'forms', environment: 'node', include: ['src/**/*.test.ts'] },
})
