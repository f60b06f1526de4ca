import { defineConfig } from 'vitest/config'

/**
 * One `vitest run` covers unit, component and server tests of every workspace package;
 * each package's own vitest.config.ts picks its environment. Server tests run on the embedded
 * database always, and again on PostgreSQL when TEST_DATABASE_URL is set; so does the attack suite,
 * which starts the real server as separate processes. e2e has its own config.
 */
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'mock-server/vitest.config.ts',
      'mock-server/attack/vitest.config.ts',
      ...(process.env.TEST_DATABASE_URL
        ? ['mock-server/vitest.config.pg.ts', 'mock-server/attack/vitest.config.pg.ts']
        : []),
    ],
  },
})
