import { createSuiteApp, messagesFrom, type SuiteAppOverrides } from '@suite/app-kit'
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
    messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
    shell: () => import('./components/CaseRoomShell.vue'),
    deps: ({ api, dingtalk, corpId }) => ({ api, dingtalk, corpId, now: () => new Date() }),
    ...overrides,
  })
}
