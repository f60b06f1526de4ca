import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

/**
 * The attack suite: the real backend started as separate processes (demo and production
 * settings, see setup.ts) and attacked over HTTP from outside. Files run one at a time against
 * the shared servers; each server start costs seconds, so there are only a few.
 */
export default defineProject({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'attack',
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { ATTACK_DB: 'pglite' },
  },
})
