import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

/** The attack suite again with each server on its own fresh database on TEST_DATABASE_URL's PostgreSQL. */
export default defineProject({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'attack-pg',
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { ATTACK_DB: 'pg' },
  },
})
