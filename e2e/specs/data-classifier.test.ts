import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { makeDocx, makeXlsx } from '../../packages/classifier/src/testing/fixtures.ts'
import { PC, PHONE, launchBrowser, newContext } from '../support/browser'
import { screenshot } from '../support/shots'

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const app = `${baseURL}/apps/data-classifier/?corpId=${corpId}`

/** Known values planted in the files; none may ever leave the browser. */
const RAW = [
  'A123456(3)',
  'A123456（3）',
  '11010519491231002X',
  '4111 1111 1111 1111',
  '+852 9123 4567',
  '6612 3456',
  'chan.tm@example.com',
  '5215299(8)',
]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(app)
  await page.getByRole('button', { name: new RegExp(`以 ${name}`) }).click()
  await page.locator('[data-test="file-input"]').waitFor({ state: 'attached', timeout: 20_000 })
}

const files = [
  {
    name: '陳大文 A123456(3).txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('客戶香港身份證 A123456(3)\n電話 +852 9123 4567\n合約草稿'),
  },
  {
    name: 'intake.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(makeDocx(['居民身份证 11010519491231002X', '病歷附後'])),
  },
  {
    name: 'cards.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(
      makeXlsx([
        [
          ['信用卡', '4111 1111 1111 1111'],
          ['Email', 'chan.tm@example.com'],
        ],
      ]),
    ),
  },
  {
    name: 'chat.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        messages: [
          { sender: { name: '陳' }, time: '2025-04-17T09:30:00+08:00', content: '澳門身份證 5215299(8) 😀' },
          { sender: { name: 'Amy' }, time: '2025-04-17T09:31:00+08:00', content: 'A123456（3） OK 👍' },
        ],
      }),
    ),
  },
]

describe('data classifier', () => {
  it('scans files on the device, shows only masked values and sends nothing raw, then saves a masked record', async () => {
    const context = await newContext(browser, PC)
    const page = await context.newPage()
    await signIn(page, '李嘉欣')
    const sent: Array<{ url: string; body: string; step: string }> = []
    let step = 'sources'
    page.on('request', (r) => {
      sent.push({ url: r.url(), body: r.postData() ?? '', step })
    })

    await page.locator('[data-test="file-input"]').setInputFiles(files)
    step = 'scan'
    await page.locator('[data-test="next"]').click()
    await expect
      .poll(() => page.locator('[data-test="scan-finished"]').textContent(), { timeout: 30_000 })
      .toContain('已掃描 4 個來源')
    step = 'review'
    await page.locator('[data-test="next"]').click()
    await page.locator('.step-review').waitFor()
    const review = await page.locator('.step-review').innerText()
    expect(review).toContain('A123***(*)')
    for (const raw of RAW) expect(review).not.toContain(raw)
    await screenshot(page, 'data-classifier-review')
    for (const r of sent.filter((x) => x.step === 'scan' || x.step === 'review')) {
      for (const raw of RAW) expect(`${decodeURIComponent(r.url)} ${r.body}`).not.toContain(raw)
      expect(new URL(r.url).pathname).not.toMatch(/^\/api\/classifier/)
    }

    step = 'label'
    await page.locator('[data-test="next"]').click()
    await page.locator('.step-label__card').first().locator('[data-test="label-public"]').click()
    await page.locator('.step-label__why textarea').fill('Training sample, not a real client')
    await page.locator('[data-test="next"]').click()
    await page.locator('[data-test="stored-in"]').nth(1).click()
    await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '中國內地', exact: true }).click()
    await expect.poll(() => page.locator('[data-test="cross-border"]').count()).toBe(1)
    await page.locator('[data-test="next"]').click()
    step = 'save'
    await page.locator('#dc-title').fill('E2E 檢視 A123456(3)')
    await page.locator('[data-test="save"]').click()
    await page.locator('[data-test="saved"]').waitFor({ timeout: 20_000 })
    await screenshot(page, 'data-classifier-report')

    const post = sent.find((r) => r.step === 'save' && r.url.endsWith('/api/classifier/reports'))
    expect(post).toBeDefined()
    for (const r of sent) for (const raw of RAW) expect(`${decodeURIComponent(r.url)} ${r.body}`).not.toContain(raw)
    const body = JSON.parse(post!.body) as {
      title: string
      sources: Array<{
        name: string
        label: string
        suggestedLabel: string
        crossBorder: boolean
        justification: string | null
      }>
    }
    expect(body.title).toBe('E2E 檢視 A123***(*)')
    expect(body.sources[0]).toMatchObject({
      name: '陳大文 A123***(*).txt',
      label: 'public',
      suggestedLabel: 'confidential',
      justification: 'Training sample, not a real client',
    })
    expect(body.sources[1]!.crossBorder).toBe(true)
    await context.close()
  })

  for (const [size, viewport] of [
    ['pc', PC],
    ['phone', PHONE],
  ] as const) {
    it(`reopens the saved report from the list (${size}): counts, masked samples, labels, map, who made it for which firm, and a CSV named after it`, async () => {
      const context = await newContext(browser, viewport)
      const page = await context.newPage()
      await signIn(page, '李嘉欣')
      await page.goto(`${app}#/reports`)
      await page.getByRole('link', { name: 'E2E 檢視 A123***(*)' }).first().click()
      const byline = page.locator('[data-test="byline"]')
      await byline.waitFor({ timeout: 20_000 })
      expect(await byline.innerText()).toMatch(
        /^由 李嘉欣 Lee Ka-yan 為 陳黃律師行 Chan & Wong Solicitors 製作，.+ \(香港時間\)$/,
      )
      const shown = await page.locator('.report-summary').innerText()
      expect(shown).toContain('A123***(*)')
      expect(shown).toContain('機密')
      expect(shown).toContain('中國內地')
      for (const raw of RAW) expect(shown).not.toContain(raw)
      expect(await page.locator('.report-summary tbody tr').count()).toBe(4)
      expect(await page.locator('.report-summary svg').count()).toBeGreaterThan(0)
      if (size === 'phone')
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      await screenshot(page, `data-classifier-report-reopened-${size}`)
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="csv"]').click()])
      expect(download.suggestedFilename()).toMatch(/^classification-E2E-檢視-A123-\(-\)-\d{4}-\d{2}-\d{2}\.csv$/)
      await context.close()
    })
  }

  it('keeps the wizard after leaving and coming back, on a phone', async () => {
    const context = await newContext(browser, PHONE)
    const page = await context.newPage()
    await signIn(page, '張美玲')
    await page.locator('#dc-paste').fill('身份證 A123456(3)')
    await page.locator('[data-test="add-pasted"]').click()
    await page.locator('[data-test="next"]').click()
    await expect.poll(() => page.locator('[data-test="scan-finished"]').count(), { timeout: 30_000 }).toBe(1)
    await page.locator('[data-test="next"]').click()
    await page.locator('.step-review').waitFor()
    await page.waitForTimeout(800)
    await page.goto(`${baseURL}/apps/portal/?corpId=${corpId}`)
    await page.goto(app)
    await page.locator('.step-review').waitFor({ timeout: 20_000 })
    expect(await page.locator('.step-review').innerText()).toContain('A123***(*)')
    await screenshot(page, 'data-classifier-phone-restored')
    await context.close()
  })
})
