import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({ name: 'classifier', test: { testTimeout: 30_000 } })
