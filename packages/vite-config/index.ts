import vue from '@vitejs/plugin-vue'
import ElementPlus from 'unplugin-element-plus/vite'
import { defineConfig, type UserConfig } from 'vite'
import { bundleStats } from './bundle-stats'
import { precompress } from './precompress'
import { splitElementPlusIcons } from './split-icons'
import { suiteHtml } from './suite-html'

/** Options of {@link defineAppConfig}. */
export interface AppConfigOptions {
  /** The app's folder name; the backend serves its build at `/apps/<name>/`. */
  name: string
  /** Dev server (and `vite preview`) port; Vite's default when omitted. */
  port?: number
  /** Where the dev server forwards `/api` and `/_sim`; the mock server by default. */
  backend?: string
}

/**
 * The framework as one long-cached vendor chunk: every app needs all of it at start.
 * Element Plus deliberately has no group: a group chunk also collects modules that only lazy
 * chunks share (the message box's focus trap, the dropdown's popper), and the entry then loads
 * them up front. Rolldown's own splitting puts each component with the chunks that use it.
 */
const VENDOR_GROUPS = [
  {
    name: 'vue',
    test: /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:vue|@vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/,
    priority: 20,
  },
]

/**
 * The Vite config every mini-app uses: `base` matching where the backend serves the build,
 * Vue, Element Plus styles per imported component, the dev proxy to the backend, and a
 * build target old enough for the Chromium / WebKit inside DingTalk.
 *
 * Run Vite with `--configLoader runner` (see apps/portal/package.json): this package ships
 * TypeScript source, and Vite's default `bundle` loader hands workspace packages to Node,
 * which cannot import `.ts` on Node 20.
 *
 * @example
 * // apps/portal/vite.config.ts
 * export default defineAppConfig({ name: 'portal', port: 5170 })
 */
export function defineAppConfig({ name, port, backend = 'http://localhost:8080' }: AppConfigOptions): UserConfig {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`defineAppConfig: app name must be kebab-case, got "${name}"`)
  const proxy = {
    '/api': { target: backend, changeOrigin: false },
    '/_sim': { target: backend, changeOrigin: false },
  }
  return defineConfig({
    base: `/apps/${name}/`,
    plugins: [
      vue(),
      // Rewrites `import { ElButton } from 'element-plus'` to also import that component's CSS.
      ElementPlus({}),
      // One module per icon, so each lands in the chunk that uses it.
      splitElementPlusIcons(),
      // The head every app's page needs (viewport for DingTalk's webview, no phone-number links, theme colour).
      suiteHtml(),
      // What each chunk is made of, for `pnpm budget` and `pnpm bench`.
      bundleStats(),
      // index.html and assets as .br / .gz beside the originals, served by the backend as they are.
      precompress(),
    ],
    define: {
      // vue-i18n feature flags: Composition API only, no devtools hooks in production.
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
    },
    server: { port, strictPort: port !== undefined, proxy },
    preview: { port, strictPort: port !== undefined, proxy },
    build: {
      // DingTalk's webviews lag behind current browsers (old Android System WebView, iOS 13+ WebKit).
      target: 'es2020',
      cssTarget: ['chrome80', 'safari13'],
      chunkSizeWarningLimit: 400,
      rolldownOptions: {
        output: { codeSplitting: { groups: VENDOR_GROUPS } },
      },
    },
  })
}
