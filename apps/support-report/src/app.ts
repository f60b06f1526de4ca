import { createSuiteApp, messagesFrom, lazy, type SuiteAppOverrides } from '@suite/app-kit'
import { createReportRouter } from './router'

/** The support report app: report a suspected scam, check a message, follow up as IT. */
export function createSupportReportApp(overrides: SuiteAppOverrides = {}) {
  // The outbox (IndexedDB queue) is fetched at boot too, in parallel with the session check:
  // reports left on the device by an earlier visit go out as soon as the person is signed in.
  const loadOutbox = lazy(() => import('./stores/outbox'))
  void loadOutbox().catch(() => undefined)
  return createSuiteApp({
    title: 'apps.supportReport.title',
    router: createReportRouter(),
    api: () => import('./api'),
    messages: messagesFrom(import.meta.glob('./locales/{zh-HK,zh-CN,en}.ts')),
    shell: () => import('./components/ReportShell.vue'),
    deps: ({ api }) => ({ api }),
    onSignedIn: (_session, { pinia, api }) => {
      void Promise.all([loadOutbox(), api()])
        .then(([{ useOutboxStore }, client]) => useOutboxStore(pinia).start(client))
        .catch(() => undefined)
    },
    onSignedOut: ({ pinia }) => {
      void loadOutbox()
        .then(({ useOutboxStore }) => useOutboxStore(pinia).stop())
        .catch(() => undefined)
    },
    ...overrides,
  })
}
