import { setSuiteMountDefaults } from '@suite/app-kit/testing'
import { messages } from '../locales'
import { routes } from '../router'

// What the portal's page tests mount with (mountWithSuite): its messages and routes.
setSuiteMountDefaults({ messages, routes })
