import { createSuiteApp, type SuiteAppOverrides } from '@suite/app-kit'
import { createCaseRoomRouter } from './router'

/**
 * The case room. Its invitation pages (`meta.public`) render outside the sign-in gate; an
 * external whose session ended comes back in with this browser's device credential first
 * (`signInApi` in ./api).
 */
export function createCaseRoomApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'apps.caseRoom.title',
    router: createCaseRoomRouter(),
    api: () => import('./api'),
    messages: {
      'zh-HK': () => import('./locales/zh-HK').then((m) => m.zhHK),
      'zh-CN': () => import('./locales/zh-CN').then((m) => m.zhCN),
      en: () => import('./locales/en').then((m) => m.en),
    },
    shell: () => import('./components/CaseRoomShell.vue'),
    deps: ({ api, dingtalk, corpId }) => ({ api, dingtalk, corpId, now: () => new Date() }),
    ...overrides,
  })
}
