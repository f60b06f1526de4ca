import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({ name: 'court-rules' })
