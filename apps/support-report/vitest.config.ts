import vue from '@vitejs/plugin-vue'
import { defineProject } from 'vitest/config'

/** Component tests in happy-dom; the outbox's end-to-end test against the real backend says `@vitest-environment node`. */
export default defineProject({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  test: { name: 'support-report', environment: 'happy-dom', include: ['src/**/*.test.ts'], pool: 'forks', testTimeout: 90_000, hookTimeout: 60_000 },
})
