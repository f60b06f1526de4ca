import { defineSuiteProject } from '../../scripts/vitest-project.ts'

/** Pure engine tests run in node; renderer tests under src/vue say `@vitest-environment happy-dom`. */
export default defineSuiteProject({ name: 'forms', vue: true })
