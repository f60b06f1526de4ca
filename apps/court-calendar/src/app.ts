import { createSuiteApp, messagesFrom, type SuiteAppOverrides } from '@suite/app-kit'
import { createCourtCalendarRouter } from './router'

/** The court calendar: hearings, deadlines and the court rules calculator. */
export function createCourtCalendarApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'apps.courtCalendar.title',
    router: createCourtCalendarRouter(),
    api: () => import('./api'),
    messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
    shell: () => import('./components/CourtShell.vue'),
    deps: ({ api, dingtalk }) => ({
      api,
      dingtalk,
      now: () => new Date(),
      copyText: (text) => navigator.clipboard.writeText(text),
    }),
    ...overrides,
  })
}
