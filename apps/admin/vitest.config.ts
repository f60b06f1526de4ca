import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { defineProject } from 'vitest/config'

type Hook = (this: unknown, ...args: unknown[]) => unknown

/**
 * plugin-vue, always compiling components for the browser: the form round-trip test runs in the
 * node environment (the backend needs Node's module URLs) and mounts components on a happy-dom
 * window, where server-rendering output would not mount.
 */
function vueForDom(): Plugin {
  const p = vue() as Plugin & { load: { handler: Hook }; transform: { handler: Hook } }
  const client = (opt: unknown) => ({ ...(opt as object), ssr: false })
  return {
    ...p,
    load: { ...p.load, handler(this: unknown, id: unknown, opt: unknown) { return p.load.handler.call(this, id, client(opt)) } },
    transform: { ...p.transform, handler(this: unknown, code: unknown, id: unknown, opt: unknown) { return p.transform.handler.call(this, code, id, client(opt)) } },
  } as Plugin
}

export default defineProject({
  plugins: [vueForDom()],
  define: {
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  test: { name: 'admin', environment: 'happy-dom', include: ['src/**/*.test.ts'] },
})
