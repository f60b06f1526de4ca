import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ seed: false })
})
afterAll(async () => {
  await t.close()
})

describe('court calendar in the OpenAPI document', () => {
  it('documents the routes from the same zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const paths = Object.keys(res.json().paths as Record<string, unknown>).filter((p) =>
      p.startsWith('/api/court-calendar'),
    )
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/court-calendar/agenda',
        '/api/court-calendar/hearings',
        '/api/court-calendar/deadlines',
        '/api/court-calendar/calculate',
        '/api/court-calendar/imports/preview',
        '/api/court-calendar/feed',
      ]),
    )
    // The feed itself is hidden: it is reached by its secret URL, not browsed.
    expect(paths.some((p) => p.endsWith('calendar.ics'))).toBe(false)
  })
})
