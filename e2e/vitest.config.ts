import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * End-to-end tests: the built apps served by the real backend (embedded database, DingTalk
 * simulator), driven in Debian's Chromium by playwright-core. One file at a time: one browser.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['specs/**/*.test.ts'],
    globalSetup: ['setup/global.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: process.env.CI ? 1 : 0,
  },
})
