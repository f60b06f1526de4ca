import { defineSuiteProject } from '../../scripts/vitest-project.ts'

/** The form round-trip test runs in node (the backend needs Node's module URLs) and mounts components on a happy-dom window. */
export default defineSuiteProject({
  name: 'admin',
  environment: 'happy-dom',
  vue: 'dom',
  setupFiles: ['src/testing/setup.ts'],
})
