import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({ name: 'ui', environment: 'happy-dom', vue: true })
