#!/usr/bin/env node
// The README's two commands:
//   npm start  -> install, build every mini-app, start the backend with demo data on the embedded database
//   npm test   -> install, lint, type-check, unit + component + server tests, build, end-to-end tests
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { pnpm } from './pnpm.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const mode = process.argv[2]
const step = (s) => process.stdout.write(`\n\x1b[1m▶ ${s}\x1b[0m\n`)

async function install() {
  step('Installing dependencies (pnpm)')
  await pnpm(['install', '--reporter=default', ...(process.env.CI ? ['--frozen-lockfile'] : ['--prefer-offline'])], {
    cwd: root,
  })
}

async function buildApps() {
  step('Building the mini-apps')
  await pnpm(['-r', '--filter', './apps/*', 'build'], { cwd: root })
}

async function start() {
  await install()
  await buildApps()
  step('Starting the suite (embedded database, DingTalk simulator, demo data)')
  await pnpm(['--filter', '@suite/mock-server', 'serve'], {
    cwd: root,
    env: {
      SEED_DEMO: 'true',
      DEV_SIGN_IN: 'true',
      DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'),
      HOST: process.env.HOST ?? '127.0.0.1',
    },
  })
}

async function test() {
  await install()
  step('Lint')
  await pnpm(['run', 'lint'], { cwd: root })
  step('Type-check')
  await pnpm(['run', 'typecheck'], { cwd: root })
  step(
    'Unit, component and server tests' +
      (process.env.TEST_DATABASE_URL ? ' (server tests on PGlite and on PostgreSQL)' : ' (server tests on PGlite)'),
  )
  await pnpm(['exec', 'vitest', 'run'], { cwd: root })
  await buildApps()
  step('Bundle budgets')
  await pnpm(['run', 'budget'], { cwd: root })
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    throw new Error(
      'End-to-end tests need Chromium at /usr/bin/chromium: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH). .ci/run installs it.',
    )
  }
  step('End-to-end tests (headless Chromium)')
  await pnpm(['run', 'test:e2e'], { cwd: root })
  process.stdout.write('\n\x1b[32mAll tests passed.\x1b[0m\n')
}

const jobs = { start, test }
if (!jobs[mode]) {
  process.stderr.write('usage: node scripts/quickstart.mjs start|test\n')
  process.exit(2)
}
jobs[mode]().catch((e) => {
  process.stderr.write(`\n\x1b[31m${e.message}\x1b[0m\n`)
  process.exit(1)
})
