import { defineSuiteProject } from '../../scripts/vitest-project.ts'

/** Component tests in happy-dom; the outbox's end-to-end test against the real backend says `@vitest-environment node`. */
export default defineSuiteProject({
  name: 'support-report',
  environment: 'happy-dom',
  vue: true,
  setupFiles: ['src/testing/setup.ts'],
  test: { pool: 'forks', testTimeout: 90_000, hookTimeout: 60_000 },
})
