import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DINGTALK_IOS_UA, PC, PHONE, useBrowser } from '../support/browser'
import { installIosBridge, mintAuthCode, openInPcClient } from '../support/bridges'
import { screenshot } from '../support/shots'
import { stepNow, totpAt } from '../support/totp'

/*
 * Setting up an authenticator without DingTalk: the IT administrator, in the DingTalk PC client,
 * issues a one-time set-up code for an associate (confirming with DingTalk), reads it to her; she
 * opens the Security page in a plain browser on her phone, mistypes it once (the server's refusal
 * is said beside the field, and what she typed stays), then enters it and finishes. Someone with
 * no authenticator outside DingTalk meets the step-up dialog and is told what to do instead.
 */

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const adminApp = `${baseURL}/apps/admin/?corpId=${corpId}`

const { context } = useBrowser()

async function signIn(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: `以 ${name} 身分登入` }).click()
}

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

/** The code the IT administrator read out. */
let setUpCode = ''

describe('a one-time set-up code from IT', () => {
  it('the IT administrator, in the DingTalk PC client, issues a code for an associate after confirming with DingTalk; it is shown once with its expiry in Hong Kong time', async () => {
    const c = await context(PC)
    const { host } = await openInPcClient(c, `${adminApp}#/users`, () => mintAuthCode(baseURL, 'dt-u-lam', corpId))
    const app = host.frameLocator('#app')
    const lee = app.getByRole('listitem').filter({ hasText: '李嘉欣 Lee Ka-yan' })
    await lee.getByRole('button', { name: '發出設定碼' }).click({ timeout: 20_000 })

    // Issuing needs a fresh confirmation: in DingTalk, DingTalk itself.
    const stepUp = app.getByRole('dialog', { name: '確認是你本人' })
    await stepUp.getByRole('button', { name: '以釘釘確認' }).click({ timeout: 20_000 })

    const shown = app.getByRole('dialog', { name: '李嘉欣 Lee Ka-yan 的設定碼' })
    await shown.waitFor({ timeout: 20_000 })
    setUpCode = (await shown.getByRole('code').textContent())!.trim()
    expect(setUpCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)
    // Valid for 24 hours from now, said in Hong Kong time.
    const expiry = new Date(Date.now() + 24 * 3_600_000)
    const hk = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Hong_Kong',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(expiry)
    const part = (t: string) => Number(hk.find((p) => p.type === t)!.value)
    expect(await shown.getByText(/^只可使用一次，有效至 .* \(香港時間\)。$/).textContent()).toContain(
      `${part('year')}年${part('month')}月${part('day')}日`,
    )
    await shown.getByText('請當面或以電話交給對方；切勿以電郵或聊天訊息傳送。').waitFor()
    await shown.getByRole('button', { name: '複製' }).waitFor()
    await screenshot(host, 'admin-enrolment-code-issued-pc')

    await shown.getByRole('button', { name: '完成' }).click()
    await shown.waitFor({ state: 'hidden', timeout: 10_000 })
    // Shown once: nothing on the page keeps it.
    expect(await app.getByText(setUpCode).count()).toBe(0)
  })

  it('on his phone, in DingTalk, the IT administrator can do the same: the code and its guidance fit the screen', async () => {
    const c = await context({ ...PHONE, userAgent: DINGTALK_IOS_UA })
    await installIosBridge(c, 'dt-u-lam')
    const page = await c.newPage()
    await page.goto(`${adminApp}#/users`)
    const ho = page.getByRole('listitem').filter({ hasText: '何志強 Ho Chi-keung' })
    await ho.getByRole('button', { name: '發出設定碼' }).click({ timeout: 20_000 })
    await page
      .getByRole('dialog', { name: '確認是你本人' })
      .getByRole('button', { name: '以釘釘確認' })
      .click({ timeout: 20_000 })
    const shown = page.getByRole('dialog', { name: '何志強 Ho Chi-keung 的設定碼' })
    await shown.getByRole('code').waitFor({ timeout: 20_000 })
    expect(await fits(page)).toBe(true)
    await screenshot(page, 'admin-enrolment-code-issued-phone')
    await shown.getByRole('button', { name: '完成' }).click()
    await shown.waitFor({ state: 'hidden', timeout: 10_000 })
    expect(await fits(page)).toBe(true)
    await screenshot(page, 'admin-users-it-admin-phone')
  })

  it('the associate, in a plain browser on her phone, mistypes the code once, then enters it and sets up her authenticator', async () => {
    expect(setUpCode, 'IT issued a code').not.toBe('')
    const c = await context(PHONE)
    const page = await c.newPage()
    await signIn(page, `${adminApp}#/security`, '李嘉欣 Lee Ka-yan')

    // Not an administrator: only her own two-step confirmation, and no way to set up without proof.
    await page.getByRole('heading', { name: '雙重驗證' }).waitFor({ timeout: 20_000 })
    const nav = page.getByRole('navigation', { name: '系統管理分頁' })
    expect(await nav.getByRole('link').allTextContents()).toEqual(['我的雙重驗證'])
    await page.getByRole('heading', { name: '設定驗證器前，需要證明是你本人' }).waitFor()
    expect(await page.getByRole('button', { name: '設定驗證器' }).count()).toBe(0)
    expect(await fits(page)).toBe(true)
    await screenshot(page, 'admin-security-set-up-code-phone')

    // One character wrong: the server's refusal, in her language, beside the field; what she typed stays.
    const field = page.getByRole('textbox', { name: '資訊科技部提供的設定碼' })
    const wrong = setUpCode.slice(0, -1) + (setUpCode.endsWith('A') ? 'B' : 'A')
    await field.fill(wrong)
    await page.getByRole('button', { name: '以此設定碼設定' }).click()
    await page
      .getByText('此設定碼不正確、已使用或已過期。請再核對，或向資訊科技部索取新的設定碼。')
      .waitFor({ timeout: 20_000 })
    expect(await field.inputValue()).toBe(wrong)
    expect(await fits(page)).toBe(true)
    await screenshot(page, 'admin-security-set-up-code-wrong-phone')

    // Typed as people do (lower case, spaces), it works.
    await field.fill(` ${setUpCode.toLowerCase()} `)
    await page.getByRole('button', { name: '以此設定碼設定' }).click()
    await page.getByRole('img', { name: '把此帳戶加入驗證器的 QR 碼' }).waitFor({ timeout: 20_000 })
    await page.getByText('確認第一個驗證碼後，設定碼便會失效；如此頁在此之前關閉，可再次輸入同一個設定碼。').waitFor()
    const secret = (await page.getByText('或輸入此密鑰：').getByRole('code').textContent())!.trim()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(await fits(page)).toBe(true)
    await screenshot(page, 'admin-security-set-up-code-qr-phone')
    await page.getByRole('textbox', { name: '驗證器顯示的六位數字' }).fill(totpAt(secret, stepNow()))
    await page.getByRole('button', { name: '確認', exact: true }).click()
    await page.getByRole('heading', { name: '你的備用碼' }).waitFor({ timeout: 20_000 })
    expect(await page.getByRole('status').getByRole('listitem').count()).toBe(10)
    expect(await page.getByText('尚餘 10 個備用碼').count()).toBe(1)
    expect(await fits(page)).toBe(true)
    await screenshot(page, 'admin-security-set-up-code-enrolled-phone')
  })

  it('a compliance officer outside DingTalk, with no authenticator, is told what to do instead of meeting a dead end; she cannot issue codes', async () => {
    const c = await context(PC)
    const page = await c.newPage()
    await signIn(page, adminApp, '吳慧敏 Ng Wai-man')

    // Saving the retention needs a step-up; she has nothing to confirm with here.
    await page.getByRole('heading', { name: '保留期' }).waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: '儲存' }).click()
    const dialog = page.getByRole('dialog', { name: '確認是你本人' })
    await dialog
      .getByText('你尚未設定驗證器，而以釘釘確認只可在釘釘應用程式內進行。', { exact: false })
      .waitFor({ timeout: 20_000 })
    expect(await dialog.getByRole('button', { name: '以釘釘確認' }).count()).toBe(0)
    await screenshot(page, 'admin-step-up-no-factor-pc')

    await dialog.getByRole('link', { name: '輸入資訊科技部提供的設定碼' }).click()
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 })
    await page.getByRole('textbox', { name: '資訊科技部提供的設定碼' }).waitFor({ timeout: 20_000 })
    await page.getByText('請在手機或電腦的釘釘工作台開啟此應用程式').waitFor()
    await screenshot(page, 'admin-security-set-up-code-pc')

    await page.getByRole('navigation', { name: '系統管理分頁' }).getByRole('link', { name: '用戶及角色' }).click()
    await page.getByRole('listitem').filter({ hasText: '李嘉欣 Lee Ka-yan' }).waitFor({ timeout: 20_000 })
    expect(await page.getByRole('button', { name: '發出設定碼' }).count()).toBe(0)
  })
})
