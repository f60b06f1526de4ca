import { defineSuiteProject } from '../../scripts/vitest-project.ts'

export default defineSuiteProject({ name: 'vite-config', include: ['*.test.ts'] })
