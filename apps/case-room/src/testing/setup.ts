import { setSuiteMountDefaults } from '@suite/app-kit/testing'
import { vi } from 'vitest'
import { messages } from '../locales'
import { routes } from '../router'

// What the case room's component tests mount with (mountWithSuite): its messages and routes, a plain
// browser rather than DingTalk, the demo org and a fixed clock.
setSuiteMountDefaults({
  messages,
  routes,
  deps: () => ({
    dingtalk: {
      inDingTalk: false,
      complexPicker: vi.fn(),
      requestAuthCode: vi.fn(),
      setTitle: vi.fn(async () => undefined),
    },
    corpId: () => 'dingdemocorp0001',
    now: () => new Date('2026-03-02T04:00:00Z'),
  }),
})
