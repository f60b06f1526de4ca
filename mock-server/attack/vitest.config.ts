import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

/**
 * The attack suite: the real backend started as separate processes (demo and production
 * settings, see setup.ts) and attacked over HTTP from outside. Files run one at a time against
 * the shared servers; each server start costs seconds, so there are only a few.
 * `db`: where each server keeps its data (vitest.config.pg.ts runs the same on PostgreSQL).
 */
export function attackProject(name: string, db: 'pglite' | 'pg') {
  return defineProject({
    root: fileURLToPath(new URL('.', import.meta.url)),
    test: {
      name,
      environment: 'node',
      include: ['**/*.test.ts'],
      globalSetup: ['setup.ts'],
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      env: { ATTACK_DB: db },
    },
  })
}

export default attackProject('attack', 'pglite')
