import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({
  name: 'case-room',
  environment: 'happy-dom',
  vue: true,
  setupFiles: ['src/testing/setup.ts'],
})
