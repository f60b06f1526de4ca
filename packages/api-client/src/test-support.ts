import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createApiClient } from './create-api-client'
import type { ApiClientOptions } from './http'

/** Base URL of the fake API; msw in node needs an absolute one. */
export const API = 'http://api.test/api'

/** An msw server for one test file: fails any request no handler expects. */
export function useMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** A client against {@link API} whose retry waits are recorded in `delays` instead of slept. */
export function testClient(options: ApiClientOptions = {}) {
  const delays: number[] = []
  const client = createApiClient({
    baseURL: API,
    sleep: async (ms) => {
      delays.push(ms)
    },
    ...options,
  })
  return { client, delays }
}

/** An `ErrorBody` as the server sends it. */
export function errorBody(
  code: string,
  message: string,
  extra: { fields?: unknown[]; requestId?: string | null } = {},
) {
  return { error: { code, message, fields: extra.fields ?? [], requestId: extra.requestId ?? null } }
}
