import { setSuiteMountDefaults } from '@suite/app-kit/testing'
import { vi } from 'vitest'
import { messages } from '../locales'
import { routes } from '../router'

// What the court calendar's page tests mount with (mountWithSuite): its messages and routes, and a
// fixed clock (Wednesday 8 April 2026, 10:00 in Hong Kong).
setSuiteMountDefaults({
  messages,
  routes,
  deps: () => ({
    dingtalk: { setTitle: vi.fn(async () => undefined) },
    now: () => new Date('2026-04-08T02:00:00Z'),
    copyText: vi.fn(async () => undefined),
  }),
})
