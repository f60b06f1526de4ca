import { createSuiteApp, messagesFrom, type SuiteAppOverrides } from '@suite/app-kit'
import { bootMessages } from './locales/boot'
import { createAdminRouter } from './router'

/** The admin app: audit log, users, documents, and everyone's own second factor. */
export function createAdminApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'admin.title',
    router: createAdminRouter(),
    api: () => import('./api'),
    messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
    // The title and the not-allowed screen; the rest of the admin messages come with the shell.
    bootMessages,
    shell: () => import('./components/AdminShell.vue'),
    deps: ({ api, dingtalk }) => ({ api, dingtalk }),
    ...overrides,
  })
}
