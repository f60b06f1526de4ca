import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PC, PHONE, launchBrowser, newContext } from '../support/browser'
import { screenshot } from '../support/shots'

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const reportApp = `${baseURL}/apps/support-report/?corpId=${corpId}`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Call the API as a demo user (dev sign-in), the way a second device would. */
async function apiAs(userId: string) {
  const res = await fetch(`${baseURL}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseURL}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${await r.text()}`)
    return r.json() as Promise<T>
  }
}
const simMessages = async () =>
  (
    (await (await fetch(`${baseURL}/_sim/dingtalk/_test/state`)).json()) as {
      messages: { userid: string; msg: unknown }[]
    }
  ).messages

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(reportApp)
  await page.getByRole('button', { name: new RegExp(`以 ${name}`) }).click()
  await expect.poll(() => page.locator('[data-test="report-button"]').count(), { timeout: 20_000 }).toBe(1)
}

/** Pick an option of the Element Plus select in the form field `field`. */
async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.locator(`[data-field="${field}"] .el-select`).click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
}

async function fileReport(page: Page, identifier: string): Promise<void> {
  await page.locator('[data-test="report-button"]').click()
  await page.locator('[data-field="identifier"] input').fill(identifier)
  await choose(page, 'channel', '來電')
}

describe('support report', () => {
  it('the instant check reads what people paste: a capital I posing as l is shown as typed, marked and named, a tel: link is a phone, a shortener says it hides the destination', async () => {
    for (const [size, name] of [
      [PHONE, 'phone'],
      [PC, 'pc'],
    ] as const) {
      const context = await newContext(browser, size)
      const page = await context.newPage()
      await signIn(page, '張美玲')
      await page.locator('[data-test="report-button"]').click()
      const field = page.locator('[data-field="identifier"] input')
      await field.fill('http://dingtaIk-support.com/verify')
      await expect.poll(() => page.locator('[data-verdict]').textContent()).toBe('可疑')
      expect(await page.locator('[data-test="typed"] .marked-text').textContent()).toBe(
        'http://dingtaIk-support.com/verify',
      )
      expect(await page.locator('[data-test="typed"] mark').allTextContents()).toEqual(['I'])
      await expect.poll(() => page.locator('[data-test="legend"]').textContent()).toContain('以大楷「I」代替細楷「l」')
      const verdict = (await page.locator('[data-test="verdict"]').textContent()) ?? ''
      expect(verdict).toContain('這個網站是 dingtaIk-support.com，不是 dingtalk.com')
      // Nothing lower-cases the trick away.
      expect(verdict).not.toContain('dingtaik')
      await page.locator('[data-test="verdict"]').scrollIntoViewIfNeeded()
      await screenshot(page, `support-report-marked-verdict-${name}`)
      await field.fill('tel:+852-6777-1234')
      await expect.poll(() => page.locator('[data-test="verdict"]').textContent()).toContain('+852 6777 1234')
      await field.fill('https://bit.ly/3xYz9Ab')
      await expect.poll(() => page.locator('[data-verdict]').textContent()).toBe('可疑')
      await screenshot(page, `support-report-shortener-${name}`)
      await context.close()
    }
  })

  it('a report made offline is kept on the phone and arrives when the connection returns', async () => {
    const context = await newContext(browser, PHONE)
    const page = await context.newPage()
    await signIn(page, '張美玲')
    await fileReport(page, '+852 6777 1234')
    await expect.poll(() => page.locator('[data-verdict]').textContent()).toBe('可疑')
    await context.setOffline(true)
    await page.getByRole('button', { name: '送出回報' }).click()
    await expect
      .poll(() => page.locator('.el-message').last().textContent(), { timeout: 20_000 })
      .toBe('沒有網絡：回報已儲存在這部裝置，恢復連線後會自動送出。')
    await expect
      .poll(() => page.locator('.mine-page__waiting').textContent(), { timeout: 20_000 })
      .toContain('+852 6777 1234')
    await screenshot(page, 'support-report-offline-waiting')
    const lam = await apiAs('u-lam')
    const queue = async () =>
      (await lam<{ groups: { key: string }[] }>('GET', '/api/support/triage?q=67771234')).groups.length
    expect(await queue()).toBe(0)

    await context.setOffline(false)
    await expect.poll(queue, { timeout: 30_000 }).toBe(1)
    await expect.poll(() => page.locator('[data-report] [data-state="new"]').count(), { timeout: 20_000 }).toBe(1)
    expect(await page.locator('.mine-page__waiting').count()).toBe(0)
    await context.close()
  })

  it('triage from new to confirmed scam tells the reporter through DingTalk', async () => {
    const context = await newContext(browser, PC)
    const page = await context.newPage()
    await signIn(page, '林國華')
    await page.goto(`${reportApp}#/console`)
    await page.getByPlaceholder('搜尋號碼、連結、訊息').fill('67771234')
    const group = page.locator('[data-group="phone:+85267771234"]')
    await expect.poll(() => group.count(), { timeout: 20_000 }).toBe(1)
    await group.locator('.console-page__group-head .el-checkbox').click()
    await page.locator('.console-page__bulk .el-select').first().click()
    await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '確認為詐騙', exact: true }).click()
    await page.getByPlaceholder('給回報人的訊息（可選）').fill('已封鎖此號碼。')
    await page.getByRole('button', { name: '套用' }).click()
    await expect.poll(() => page.getByText('已更新 1 份，已通知 1 位回報人').count(), { timeout: 20_000 }).toBe(1)
    await screenshot(page, 'support-report-console-pc')
    await expect
      .poll(
        async () =>
          (await simMessages()).filter(
            (m) => m.userid === 'dt-u-cheung' && JSON.stringify(m.msg).includes('確認為詐騙'),
          ).length,
        { timeout: 20_000 },
      )
      .toBe(1)
    const cheung = await apiAs('u-cheung')
    const check = await cheung<{ verdict: string }>('POST', '/api/support/check', { identifier: '6777 1234' })
    expect(check.verdict).toBe('known_scam')
    await context.close()
  })

  it('a report of a drill counts for the drill and never reaches the triage queue', async () => {
    const ng = await apiAs('u-ng')
    const drill = await ng<{ id: string; campaignId: string }>('POST', '/api/support/drills', {
      name: 'e2e drill',
      lureKind: 'phone',
      lureIdentifier: '+852 5550 0199',
      messageTitle: '【釘釘客服】帳戶異常通知 e2e',
      messageBody: '你的釘釘帳戶將於今日凍結，請致電 +852 5550 0199',
      departments: ['Litigation'],
      scheduledAt: new Date().toISOString(),
    })
    await expect
      .poll(
        async () =>
          (await simMessages()).some(
            (m) => m.userid === 'dt-u-cheung' && JSON.stringify(m.msg).includes('帳戶異常通知 e2e'),
          ),
        { timeout: 30_000 },
      )
      .toBe(true)

    const context = await newContext(browser, PHONE)
    const page = await context.newPage()
    await signIn(page, '張美玲')
    await fileReport(page, '5550 0199')
    await page.getByRole('button', { name: '送出回報' }).click()
    await expect.poll(() => page.getByText(`這是演習（${drill.campaignId}）`).count(), { timeout: 20_000 }).toBe(1)
    await screenshot(page, 'support-report-drill-phone')
    const drills = await ng<{ items: { id: string; reported: number; targets: number }[] }>(
      'GET',
      '/api/support/drills',
    )
    expect(drills.items.find((d) => d.id === drill.id)).toMatchObject({ reported: 1, targets: 3 })
    const lam = await apiAs('u-lam')
    expect((await lam<{ groups: unknown[] }>('GET', '/api/support/triage?q=55500199')).groups).toEqual([])
    await context.close()
  })

  it("the reporter is told the report was sent, opens it from their list and sees IT's verdict, the marked link, in Hong Kong time", async () => {
    const phone = await newContext(browser, PHONE)
    const page = await phone.newPage()
    await signIn(page, '張美玲')
    await fileReport(page, 'http://dingtaIk-support.com/login')
    await choose(page, 'channel', '短訊')
    await page.getByRole('button', { name: '送出回報' }).click()
    await expect
      .poll(() => page.locator('.el-message').last().textContent(), { timeout: 20_000 })
      .toBe('已送交資訊科技部。')
    const card = page.locator('[data-report]', { hasText: 'dingtaIk-support.com' })
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1)
    const id = (await card.getAttribute('data-report'))!

    const lam = await apiAs('u-lam')
    await lam('POST', '/api/support/triage/actions', {
      action: 'set_status',
      reportIds: [id],
      status: 'confirmed_scam',
      resolution: '已封鎖此網站，請勿登入。',
    })
    await card.click()
    await expect
      .poll(() => page.locator('[data-test="it-verdict"]').textContent(), { timeout: 20_000 })
      .toContain('已封鎖此網站，請勿登入。')
    expect(await page.locator('[data-test="status"] [data-state]').textContent()).toBe('確認為詐騙')
    expect(await page.locator('[data-test="it-verdict"]').textContent()).toContain('（香港時間）')
    expect(await page.locator('[data-test="contact"] .marked-text').textContent()).toBe(
      'http://dingtaIk-support.com/login',
    )
    expect(await page.locator('[data-test="contact"] .marked-text mark').allTextContents()).toEqual(['I'])
    expect(await page.locator('[data-test="legend"]').textContent()).toContain('以大楷「I」代替細楷「l」')
    await screenshot(page, 'support-report-report-page-phone')
    await phone.close()

    const pc = await newContext(browser, PC)
    const desk = await pc.newPage()
    await signIn(desk, '張美玲')
    await desk.goto(`${reportApp}#/reports/${id}`)
    await expect
      .poll(() => desk.locator('[data-test="it-verdict"]').textContent(), { timeout: 20_000 })
      .toContain('已封鎖此網站，請勿登入。')
    await screenshot(desk, 'support-report-report-page-pc')
    await pc.close()
  })
})
