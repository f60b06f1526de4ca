import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({ name: 'app-kit', environment: 'happy-dom', vue: true })
