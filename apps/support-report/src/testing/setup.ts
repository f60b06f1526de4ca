import { setSuiteMountDefaults } from '@suite/app-kit/testing'
import { demoUser, makeSession, makeUser } from '@suite/domain/testing'
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach } from 'vitest'
import { messages } from '../locales'
import { routes } from '../router'

// What the report app's page tests mount with (mountWithSuite): its messages and routes, signed in as
// a staff member (Cheung, litigation). Every page mounted by a test goes away after it, so forms do
// not pile up in the document.
setSuiteMountDefaults({ messages, routes, session: () => makeSession(makeUser(demoUser('u-cheung'))) })
enableAutoUnmount(afterEach)
