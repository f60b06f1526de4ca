import { createSuiteApp, type SuiteAppOverrides } from '@suite/app-kit'
import { createPortalRouter } from './router'

/** The portal: signs people in and links them to the suite's other apps. */
export function createPortalApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'apps.portal.title',
    router: createPortalRouter(),
    api: () => import('./api'),
    messages: {
      'zh-HK': () => import('./locales/zh-HK').then((m) => m.zhHK),
      'zh-CN': () => import('./locales/zh-CN').then((m) => m.zhCN),
      en: () => import('./locales/en').then((m) => m.en),
    },
    shell: () => import('./components/PortalShell.vue'),
    deps: () => ({}),
    ...overrides,
  })
}
