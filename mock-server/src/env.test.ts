import { describe, expect, it } from 'vitest'
import { publicBase, readEnv, trustProxySetting } from './env'

const PROD = {
  NODE_ENV: 'production',
  SESSION_SECRET: 's'.repeat(40),
  PUBLIC_URL: 'https://suite.example-firm.hk',
  DINGTALK_APP_KEY: 'firm-key',
  DINGTALK_APP_SECRET: 'firm-secret',
}

describe('configuration', () => {
  it("starts in production with the firm's own settings, simulator and test hooks off", () => {
    const env = readEnv(PROD)
    expect(env.DINGTALK_SIMULATOR).toBe(false)
    expect(env.DINGTALK_SIM_TEST_HOOKS).toBe(false)
    expect(trustProxySetting(env)).toBe(false)
  })

  it.each([
    ['DINGTALK_SIMULATOR', { DINGTALK_SIMULATOR: 'true' }],
    ['DINGTALK_SIM_TEST_HOOKS', { DINGTALK_SIM_TEST_HOOKS: 'true' }],
    ['DEV_SIGN_IN', { DEV_SIGN_IN: 'true' }],
    ['SEED_DEMO', { SEED_DEMO: '1' }],
    ['PUBLIC_URL', { PUBLIC_URL: undefined }],
    ['SESSION_SECRET', { SESSION_SECRET: undefined }],
    ['DINGTALK_APP_SECRET', { DINGTALK_APP_SECRET: 'demo-app-secret' }],
    ['DINGTALK_APP_KEY', { DINGTALK_APP_KEY: undefined }],
  ])('refuses production with unsafe %s, naming it', (name, change) => {
    expect(() => readEnv({ ...PROD, ...change })).toThrow(new RegExp(`^Invalid configuration:[\\s\\S]*\\n  ${name}: `))
  })

  it('keeps the simulator in development but its test hooks only on request', () => {
    const env = readEnv({ NODE_ENV: 'development' })
    expect(env.DINGTALK_SIMULATOR).toBe(true)
    expect(env.DINGTALK_SIM_TEST_HOOKS).toBe(false)
    expect(readEnv({ DINGTALK_SIM_TEST_HOOKS: 'true' }).DINGTALK_SIM_TEST_HOOKS).toBe(true)
  })

  it('builds links from the public URL only, falling back to the listening address in development', () => {
    expect(publicBase(readEnv(PROD))).toBe('https://suite.example-firm.hk')
    expect(publicBase(readEnv({ PUBLIC_URL: 'https://suite.example-firm.hk/' }))).toBe('https://suite.example-firm.hk')
    expect(publicBase(readEnv({ HOST: '0.0.0.0', PORT: '9000' }))).toBe('http://localhost:9000')
    expect(() => readEnv({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/)
  })

  it('trusts only the proxies it is told about', () => {
    expect(trustProxySetting(readEnv({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }))).toEqual(['10.0.0.5', '10.1.0.0/16'])
    expect(trustProxySetting(readEnv({}))).toBe(false)
  })
})
