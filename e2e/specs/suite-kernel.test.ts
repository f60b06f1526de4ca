import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DINGTALK_IOS_UA, PC, PHONE, useBrowser } from '../support/browser'
import {
  DINGTALK_ANDROID_UA,
  bridgeCalls,
  installAndroidBridge,
  installIosBridge,
  mintAuthCode,
  openInPcClient,
} from '../support/bridges'
import { screenshot } from '../support/shots'

/**
 * What every app gets from the kernel: native behaviour inside the DingTalk clients (no second
 * title bar, DingTalk's title, no sign-out DingTalk would undo), errors that say what happened and
 * what to do, a translated page for a mistyped address, and touch targets of 44 px on phones.
 */
const baseURL = inject('baseURL')
const corpId = inject('corpId')
const appUrl = (app: string) => `${baseURL}/apps/${app}/?corpId=${corpId}`
const { context } = useBrowser()

/** Sign in with the demo picker of a plain browser. */
async function signInWithPicker(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: `以 ${name} 身分登入` }).click()
  await page.locator('#suite-main').waitFor({ timeout: 20_000 })
}

/** Wait until the page has drawn its first screen (no loading state left, the network quiet). */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expect.poll(() => page.locator('.suite-loading-state').count(), { timeout: 20_000 }).toBe(0)
  await page.waitForTimeout(300)
}

/**
 * Visible interactive elements smaller than 44 x 44 px: buttons, links drawn as buttons (any link
 * that is not an inline text link in prose), tabs and menu items. Elements moved off screen (the
 * skip link) or visually hidden are not visible.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const selector = 'button, [role="button"], [role="tab"], [role="menuitem"], a[href], .el-tabs__item'
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      const hidden =
        r.width === 0 ||
        r.height === 0 ||
        style.visibility === 'hidden' ||
        r.right <= 0 ||
        r.left >= window.innerWidth ||
        el.closest('.suite-visually-hidden, [aria-hidden="true"]') !== null
      if (hidden) continue
      const inlineTextLink = el.tagName === 'A' && style.display === 'inline' && !el.classList.contains('el-button')
      if (inlineTextLink) continue
      if (r.width < 43.5 || r.height < 43.5) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)
        found.push(
          `${el.tagName.toLowerCase()}.${el.className} "${label}" ${Math.round(r.width)}x${Math.round(r.height)}`,
        )
      }
    }
    return found
  })
}

describe('inside the DingTalk client', () => {
  it('iOS, 390 px: no second title bar under DingTalk’s; the title goes to DingTalk; no sign-out that DingTalk would undo', async () => {
    const c = await context({ ...PHONE, userAgent: DINGTALK_IOS_UA })
    await installIosBridge(c, 'dt-u-lee')
    const page = await c.newPage()
    await page.goto(appUrl('portal'))
    await expect.poll(() => page.getByRole('heading', { name: /李嘉欣/ }).count(), { timeout: 20_000 }).toBe(1)
    await settled(page)
    expect(await page.locator('.suite-app-shell__header').count()).toBe(0)
    expect(await page.getByRole('heading', { level: 1, name: '律師行事務套件' }).count()).toBe(0)
    const calls = await bridgeCalls(page)
    expect(calls.filter((x) => x.method === 'biz.navigation.setTitle').map((x) => x.params.title)).toContain(
      '律師行事務套件',
    )
    expect(await page.getByRole('button', { name: '登出' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '改用我的釘釘帳戶' }).count()).toBe(0)
    // Language stays within reach, at the foot of the page.
    await expect.poll(() => page.getByRole('contentinfo').getByRole('button', { name: '語言' }).count()).toBe(1)
    expect(await smallTargets(page)).toEqual([])
    await screenshot(page, 'kernel-portal-dingtalk-ios-390-zh-HK')
  })

  it('Android: the same, through the nuva bridge', async () => {
    const c = await context({ ...PHONE, userAgent: DINGTALK_ANDROID_UA })
    await installAndroidBridge(c, 'dt-u-lee')
    const page = await c.newPage()
    await page.goto(appUrl('portal'))
    await expect.poll(() => page.getByRole('heading', { name: /李嘉欣/ }).count(), { timeout: 20_000 }).toBe(1)
    const calls = await bridgeCalls(page)
    expect(calls.find((x) => x.method === 'runtime.permission.requestAuthCode')?.params).toMatchObject({ corpId })
    expect(calls.some((x) => x.method === 'biz.navigation.setTitle')).toBe(true)
    expect(await page.locator('.suite-app-shell__header').count()).toBe(0)
    expect(await page.getByRole('button', { name: '登出' }).count()).toBe(0)
  })

  it('PC client, 1280 px: no title bar inside DingTalk’s window either', async () => {
    const c = await context(PC)
    const { host, calls } = await openInPcClient(c, appUrl('portal'), () => mintAuthCode(baseURL, 'dt-u-chan', corpId))
    const frame = host.frameLocator('#app')
    await expect.poll(() => frame.getByRole('heading', { name: /陳大文/ }).count(), { timeout: 20_000 }).toBe(1)
    expect(await frame.locator('.suite-app-shell__header').count()).toBe(0)
    expect((await calls()).some((x) => x.methodName === 'biz.navigation.setTitle')).toBe(true)
    await host.waitForTimeout(500)
    await screenshot(host, 'kernel-portal-dingtalk-pc-1280-zh-HK')
  })

  it('someone signed in as another account inside DingTalk is offered their DingTalk account instead', async () => {
    const c = await context({ ...PHONE, userAgent: DINGTALK_IOS_UA })
    await installIosBridge(c, 'dt-u-lee')
    const page = await c.newPage()
    await page.goto(appUrl('portal'))
    await expect.poll(() => page.getByRole('heading', { name: /李嘉欣/ }).count(), { timeout: 20_000 }).toBe(1)
    // A demo session (as on a shared device) replaces the DingTalk one.
    const status = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string }
      const res = await fetch('/api/auth/dev', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ userId: 'u-chan' }),
      })
      return res.status
    })
    expect(status).toBe(200)
    await page.reload()
    await expect.poll(() => page.getByRole('heading', { name: /陳大文/ }).count(), { timeout: 20_000 }).toBe(1)
    await page.getByRole('button', { name: '改用我的釘釘帳戶' }).click()
    await expect.poll(() => page.getByRole('heading', { name: /李嘉欣/ }).count(), { timeout: 20_000 }).toBe(1)
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json())
    expect(session).toMatchObject({ method: 'dingtalk', user: { id: 'u-lee' } })
  })
})

describe('errors that say what happened and what to do', () => {
  for (const size of [
    { name: '390', opts: PHONE },
    { name: '1280', opts: PC },
  ]) {
    it(`a lost connection reads as one, with Retry, not as a missing case (${size.name} px)`, async () => {
      const c = await context(size.opts)
      const page = await c.newPage()
      await signInWithPicker(page, appUrl('case-room'), '李嘉欣 Lee Ka-yan')
      await settled(page)
      await c.route('**/api/cases?**', (route) => route.abort('internetdisconnected'))
      await c.route('**/api/cases', (route) => route.abort('internetdisconnected'))
      await page.reload()
      const alert = page.getByRole('alert')
      await expect.poll(() => alert.getByText('未能連線').count(), { timeout: 30_000 }).toBe(1)
      expect(await alert.getByText('無法連接伺服器，請檢查網絡後再試。').count()).toBe(1)
      expect(await alert.getByText(/不存在/).count()).toBe(0)
      await screenshot(page, `kernel-error-network-${size.name}-zh-HK`)
      await c.unrouteAll()
      await alert.getByRole('button', { name: '重試' }).click()
      await expect.poll(() => page.getByRole('alert').count(), { timeout: 20_000 }).toBe(0)
    })
  }

  it('a mistyped app address gets a page in the reader’s language with a way back, not JSON', async () => {
    for (const size of [
      { name: '390', opts: PHONE },
      { name: '1280', opts: PC },
    ]) {
      const c = await context(size.opts)
      const page = await c.newPage()
      const res = await page.goto(`${baseURL}/apps/case-rom/?corpId=${corpId}`)
      expect(res?.status()).toBe(404)
      expect(await page.getByRole('heading', { name: '找不到此頁面' }).count()).toBe(1)
      await screenshot(page, `kernel-not-found-${size.name}-zh-HK`)
      await page.getByRole('link', { name: '返回律師行事務套件' }).click()
      await expect.poll(() => page.url()).toContain('/apps/portal/')
    }
    const en = await context({ ...PC, locale: 'en-GB' })
    const page = await en.newPage()
    await page.goto(`${baseURL}/apps/nope`)
    expect(await page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1)
  })
})

describe('touch targets on a phone', () => {
  const apps = ['portal', 'case-room', 'court-calendar', 'data-classifier', 'support-report', 'admin']
  it('no visible button, button-like link or tab on any app’s first screen is under 44 x 44 px at 390 px', async () => {
    const c = await context(PHONE)
    const page = await c.newPage()
    await signInWithPicker(page, appUrl('portal'), '吳慧敏 Ng Wai-man')
    const problems: Record<string, string[]> = {}
    for (const app of apps) {
      await page.goto(appUrl(app))
      await page.locator('#suite-main').waitFor({ timeout: 20_000 })
      await settled(page)
      const small = await smallTargets(page)
      if (small.length) problems[app] = small
    }
    expect(problems).toEqual({})
  })
})
