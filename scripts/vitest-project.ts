import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { defineProject, type UserWorkspaceConfig } from 'vitest/config'

type Hook = (this: unknown, ...args: unknown[]) => unknown

/** Options of {@link defineSuiteProject}. */
export interface SuiteProjectOptions {
  /** The project's name: `npx vitest run --project <name>`. */
  name: string
  /** `node` (the default) for engines and servers, `happy-dom` for Vue code. A test file may still say `@vitest-environment`. */
  environment?: 'node' | 'happy-dom'
  /**
   * Compile `.vue` files (with vue-i18n's feature flags as the apps build them). `'dom'` always compiles
   * them for the browser, even in a test that runs in the node environment and mounts on a happy-dom
   * window (the admin app's form round trip, which needs the real backend in process).
   */
  vue?: boolean | 'dom'
  /** Test files; `src/**\/*.test.ts` by default. */
  include?: string[]
  /** Files run before each test file (an app's mount defaults for `mountWithSuite`). */
  setupFiles?: string[]
  /** Anything else of vitest's `test` options this project needs (timeouts, pool). */
  test?: Pick<NonNullable<UserWorkspaceConfig['test']>, 'testTimeout' | 'hookTimeout' | 'pool'>
}

/** plugin-vue, compiling components for the browser even when vitest asks for server-rendering output. */
function vueForDom(): Plugin {
  const p = vue() as Plugin & { load: { handler: Hook }; transform: { handler: Hook } }
  const client = (opt: unknown) => ({ ...(opt as object), ssr: false })
  return {
    ...p,
    load: {
      ...p.load,
      handler(this: unknown, id: unknown, opt: unknown) {
        return p.load.handler.call(this, id, client(opt))
      },
    },
    transform: {
      ...p.transform,
      handler(this: unknown, code: unknown, id: unknown, opt: unknown) {
        return p.transform.handler.call(this, code, id, client(opt))
      },
    },
  } as Plugin
}

/**
 * The vitest project of one workspace package or app, as the root `vitest.config.ts` lists them:
 * its name, environment, test files and, for Vue code, plugin-vue with the vue-i18n flags.
 *
 * @example
 * // apps/case-room/vitest.config.ts
 * export default defineSuiteProject({ name: 'case-room', environment: 'happy-dom', vue: true, setupFiles: ['src/testing/setup.ts'] })
 */
export function defineSuiteProject(options: SuiteProjectOptions): UserWorkspaceConfig {
  const { name, environment = 'node', vue: withVue = false, include = ['src/**/*.test.ts'], setupFiles, test } = options
  return defineProject({
    ...(withVue
      ? {
          plugins: [withVue === 'dom' ? vueForDom() : vue()],
          define: {
            __VUE_I18N_FULL_INSTALL__: 'true',
            __VUE_I18N_LEGACY_API__: 'false',
            __INTLIFY_PROD_DEVTOOLS__: 'false',
          },
        }
      : {}),
    test: { name, environment, include, ...(setupFiles ? { setupFiles } : {}), ...test },
  })
}
