import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({
  name: 'data-classifier',
  environment: 'happy-dom',
  vue: true,
  setupFiles: ['src/testing/setup.ts'],
  test: { testTimeout: 30_000 },
})
