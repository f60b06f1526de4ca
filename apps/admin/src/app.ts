import { createSuiteApp, type SuiteAppOverrides } from '@suite/app-kit'
import { bootMessages } from './locales/boot'
import { createAdminRouter } from './router'

/** The admin app: audit log, users, documents, and everyone's own second factor. */
export function createAdminApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'admin.title',
    router: createAdminRouter(),
    api: () => import('./api'),
    messages: {
      'zh-HK': () => import('./locales/zh-HK').then((m) => m.zhHK),
      'zh-CN': () => import('./locales/zh-CN').then((m) => m.zhCN),
      en: () => import('./locales/en').then((m) => m.en),
    },
    // The title and the not-allowed screen; the rest of the admin messages come with the shell.
    bootMessages,
    shell: () => import('./components/AdminShell.vue'),
    deps: ({ api, dingtalk }) => ({ api, dingtalk }),
    ...overrides,
  })
}
