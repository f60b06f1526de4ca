import { createSuiteApp, type SuiteAppOverrides } from '@suite/app-kit'
import { createCourtCalendarRouter } from './router'

/** The court calendar: hearings, deadlines and the court rules calculator. */
export function createCourtCalendarApp(overrides: SuiteAppOverrides = {}) {
  return createSuiteApp({
    title: 'apps.courtCalendar.title',
    router: createCourtCalendarRouter(),
    api: () => import('./api'),
    messages: {
      'zh-HK': () => import('./locales/zh-HK').then((m) => m.zhHK),
      'zh-CN': () => import('./locales/zh-CN').then((m) => m.zhCN),
      en: () => import('./locales/en').then((m) => m.en),
    },
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
