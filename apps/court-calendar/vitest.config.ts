import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({
  name: 'court-calendar',
  environment: 'happy-dom',
  vue: true,
  setupFiles: ['src/testing/setup.ts'],
})
