import { createSuiteApp, messagesFrom, type SuiteAppOverrides } from '@suite/app-kit'
import { createClassifierRouter } from './router'

/** The data classifier: scans files on the device and saves only the masked report. */
export function createClassifierApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'apps.dataClassifier.title',
    router: createClassifierRouter(),
    api: () => import('./api'),
    messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
    shell: () => import('./components/ClassifierShell.vue'),
    deps: ({ api }) => ({ api }),
    ...overrides,
  })
}
