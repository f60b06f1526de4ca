import { createSuiteApp, messagesFrom, type SuiteAppOverrides } from '@suite/app-kit'
import { createPortalRouter } from './router'

/** The portal: signs people in, shows what needs them today and links them to the suite's other apps. */
export function createPortalApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'apps.portal.title',
    router: createPortalRouter(),
    api: () => import('./api'),
    messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
    shell: () => import('./components/PortalShell.vue'),
    deps: ({ api }) => ({ api }),
    ...overrides,
  })
}
