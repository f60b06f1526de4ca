import { setSuiteMountDefaults } from '@suite/app-kit/testing'
import { messages } from '../locales'
import { routes } from '../router'

// What the classifier's component tests mount with (mountWithSuite): its messages and routes, nobody
// signed in unless a test says so, and an API client with no methods (pages get their calls as props,
// so one that reaches the server fails loudly).
setSuiteMountDefaults({ messages, routes, session: () => null, deps: () => ({ api: { classifier: {} } as never }) })
