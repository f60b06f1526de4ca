import { describe, expect, it } from 'vitest'
import { call, target } from './client'

/**
 * Ways in that skip DingTalk: the simulator's test hooks mint a sign-in code for anyone (the
 * IT administrator included) and the demo picker signs in as anyone. Production has neither;
 * a demo server has the picker but not the hooks unless DINGTALK_SIM_TEST_HOOKS is set.
 */

const HOOKS: [string, string, unknown][] = [
  ['POST', '/_sim/dingtalk/_test/auth-codes', { userid: 'dt-u-lam' }],
  ['POST', '/_sim/dingtalk/_test/faults', { mode: 'server_error' }],
  [
    'POST',
    '/_sim/dingtalk/_test/users',
    {
      userid: 'dt-attacker',
      unionid: 'u',
      name: 'Attacker',
      title: '',
      avatar: '',
      dept_id_list: [1],
      admin: true,
      active: true,
    },
  ],
  ['POST', '/_sim/dingtalk/_test/reset', {}],
  ['GET', '/_sim/dingtalk/_test/state', undefined],
]

describe('production: no way in but DingTalk', () => {
  const t = target('production')

  it.each(HOOKS)('answers 404 to %s %s (the simulator test hooks)', async (method, path, json) => {
    const a = await call(t.baseURL, method, path, json === undefined ? {} : { json })
    expect(a.status).toBe(404)
    expect(a.text).not.toMatch(/"code"\s*:\s*"code/)
  })

  it('answers 404 to anything under /_sim (no simulator is mounted)', async () => {
    for (const [method, path] of [
      ['POST', '/_sim/dingtalk/v1.0/oauth2/accessToken'],
      ['POST', '/_sim/dingtalk/topapi/v2/user/getuserinfo'],
      ['GET', '/_sim/'],
      ['GET', '/_sim/dingtalk'],
    ] as const) {
      expect(
        (
          await call(
            t.baseURL,
            method,
            path,
            method === 'POST' ? { json: { appKey: 'attack-app-key', code: 'x' } } : {},
          )
        ).status,
        path,
      ).toBe(404)
    }
  })

  it('answers 404 to the demo sign-in picker and lists nobody in the sign-in configuration', async () => {
    const dev = await call(t.baseURL, 'POST', '/api/auth/dev', { json: { userId: 'u-lam' } })
    expect(dev.status).toBe(404)
    expect(dev.headers['set-cookie']).toBeUndefined()
    const config = (await call(t.baseURL, 'GET', '/api/auth/config')).json<{
      devSignIn: boolean
      devUsers: unknown[]
    }>()
    expect([config.devSignIn, config.devUsers]).toEqual([false, []])
  })
})

describe('demo: the simulator is mounted, its test hooks are not', () => {
  const t = target('demo')

  it.each(HOOKS)('answers 404 to %s %s without DINGTALK_SIM_TEST_HOOKS', async (method, path, json) => {
    const a = await call(t.baseURL, method, path, json === undefined ? {} : { json })
    expect(a.status).toBe(404)
  })

  it('still answers the DingTalk Open API routes under /_sim (the control: the mount exists)', async () => {
    const a = await call(t.baseURL, 'POST', '/_sim/dingtalk/v1.0/oauth2/accessToken', {
      json: { appKey: 'wrong', appSecret: 'wrong' },
    })
    expect(a.status).toBe(400)
    expect(a.json()).toHaveProperty('code', 'invalidClientIdOrSecret')
  })
})
