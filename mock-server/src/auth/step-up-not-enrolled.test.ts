import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } })
})
afterAll(async () => {
  await t.close()
})

describe('a step-up with an authenticator code by someone who has none', () => {
  it('is refused 409 with the field code the apps turn into "set up your authenticator"', async () => {
    const creds = await t.signIn('u-lee')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/step-up',
      headers: creds.headers,
      payload: { method: 'totp', code: '123456' },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'method', code: 'totp_not_enrolled' }],
    })
  })
})
