import { errorBody, itSignsInAgainOverThePage, TEST_API } from '@suite/app-kit/testing'
import { http, HttpResponse } from 'msw'
import { describe } from 'vitest'
import { createCaseRoomApp } from './app'
import { routes } from './router'

describe('case room app', () => {
  // With the session gone, the case room first tries this browser's device credential: there is none.
  const noDevice = http.post(`${TEST_API}/case-room/re-entry`, () =>
    HttpResponse.json(errorBody('unauthenticated'), { status: 401 }),
  )
  itSignsInAgainOverThePage(createCaseRoomApp, { routes, handlers: [noDevice] })
})
