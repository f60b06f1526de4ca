import { fakeApi, setSuiteMountDefaults } from '@suite/app-kit/testing'
import { makePortalToday } from '@suite/domain/testing'
import { messages } from '../locales'
import { routes } from '../router'

// What the portal's page tests mount with (mountWithSuite): its messages, routes, and a server with nothing for today.
setSuiteMountDefaults({
  messages,
  routes,
  deps: () => ({ api: fakeApi({ portal: { today: async () => makePortalToday() } }) }),
})
