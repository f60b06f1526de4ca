import { createSuiteApp, type SuiteAppOverrides } from '@suite/app-kit'
import { createClassifierRouter } from './router'

/** The data classifier: scans files on the device and saves only the masked report. */
export function createClassifierApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'apps.dataClassifier.title',
    router: createClassifierRouter(),
    api: () => import('./api'),
    messages: {
      'zh-HK': () => import('./locales/zh-HK').then((m) => m.zhHK),
      'zh-CN': () => import('./locales/zh-CN').then((m) => m.zhCN),
      en: () => import('./locales/en').then((m) => m.en),
    },
    shell: () => import('./components/ClassifierShell.vue'),
    deps: ({ api }) => ({ api }),
    ...overrides,
  })
}
