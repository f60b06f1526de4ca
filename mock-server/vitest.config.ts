import { defineProject } from 'vitest/config'

/**
 * Server tests on the embedded database. One PGlite per worker is shared by every file of that
 * worker (isolate: false), each file in its own schema.
 */
export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { SUITE_TEST_DB: 'pglite' },
  },
})
