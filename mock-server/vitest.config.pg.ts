import { defineProject } from 'vitest/config'

/** The same server tests on a real PostgreSQL (TEST_DATABASE_URL), each file in its own schema. */
export default defineProject({
  test: {
    name: 'server-pg',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { SUITE_TEST_DB: 'pg' },
  },
})
