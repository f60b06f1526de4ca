import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({ name: 'scam-check' })
