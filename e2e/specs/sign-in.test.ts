import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { DINGTALK_IOS_UA, PC, PHONE, launchBrowser, newContext } from '../support/browser'
import { bridgeCalls, installIosBridge, mintAuthCode, openInPcClient } from '../support/bridges'
import { screenshot } from '../support/shots'

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const portal = `${baseURL}/apps/portal/?corpId=${corpId}`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('sign-in', () => {
  it('inside the DingTalk iOS client: the real dingtalk-jsapi asks the bridge for a code and the backend signs the user in', async () => {
    const context = await newContext(browser, { ...PHONE, userAgent: DINGTALK_IOS_UA })
    await installIosBridge(context, 'dt-u-lee')
    const page = await context.newPage()
    await page.goto(portal)
    await expect.poll(() => page.getByRole('heading', { name: /李嘉欣/ }).count(), { timeout: 20_000 }).toBe(1)
    const calls = await bridgeCalls(page)
    const auth = calls.find((c) => c.method === 'runtime.permission.requestAuthCode')
    expect(auth?.params).toMatchObject({ corpId })
    expect(calls.some((c) => c.method === 'biz.navigation.setTitle')).toBe(true)
    // No demo picker inside DingTalk.
    expect(await page.getByText('開發用登入').count()).toBe(0)
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json())
    expect(session).toMatchObject({ method: 'dingtalk', user: { id: 'u-lee' } })
    await screenshot(page, 'portal-ios-zh-HK')
    await context.close()
  })

  it('inside the DingTalk PC client frame: the SDK talks to the host page over postMessage', async () => {
    const context = await newContext(browser, PC)
    const { host, calls } = await openInPcClient(context, portal, () => mintAuthCode(baseURL, 'dt-u-chan', corpId))
    const frame = host.frameLocator('#app')
    await expect.poll(() => frame.getByRole('heading', { name: /陳大文/ }).count(), { timeout: 20_000 }).toBe(1)
    const made = await calls()
    expect(made.find((c) => c.methodName === 'runtime.permission.requestAuthCode')?.body).toMatchObject({ corpId })
    await screenshot(host, 'portal-pc-frame-zh-HK')
    await context.close()
  })

  it('in a plain browser: the demo picker signs in, and the language switch changes the page and persists', async () => {
    const context = await newContext(browser, PHONE)
    const page = await context.newPage()
    await page.goto(portal)
    await page.getByRole('button', { name: /以 陳大文 Chan Tai-man 身分登入/ }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: '陳大文 Chan Tai-man，你好' }).count(), { timeout: 20_000 })
      .toBe(1)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-HK')

    await page.getByRole('button', { name: '語言' }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Hello, 陳大文 Chan Tai-man' }).count()).toBe(1)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.reload()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Hello, 陳大文 Chan Tai-man' }).count(), { timeout: 20_000 })
      .toBe(1)
    await screenshot(page, 'portal-phone-en')

    await page.getByRole('button', { name: 'Language' }).click()
    await page.getByRole('menuitem', { name: '简体中文' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await screenshot(page, 'portal-phone-zh-CN')
    await context.close()
  })

  it('a forged session cookie is refused and the picker comes back', async () => {
    const context = await newContext(browser, PC)
    await context.addCookies([{ name: 'suite_sid', value: 'forged.value', url: baseURL }])
    const page = await context.newPage()
    await page.goto(portal)
    await expect.poll(() => page.getByText('開發用登入').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await context.close()
  })
})
