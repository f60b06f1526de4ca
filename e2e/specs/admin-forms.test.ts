import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DINGTALK_IOS_UA, PC, PHONE, useBrowser } from '../support/browser'
import { bridgeCalls, installIosBridge } from '../support/bridges'
import { screenshot } from '../support/shots'
import { stepNow, totpAt } from '../support/totp'

/*
 * Issue 7's proof of the form engine, through the real UI on the real backend: the IT
 * administrator sets up an authenticator (in the DingTalk app, confirming with DingTalk), adds a
 * field (labelled in zh-HK, zh-CN and en) to the support report form in the low-code editor,
 * reviews the live preview and the diff, and publishes with a step-up confirmed by a TOTP code; a
 * staff member's report app renders the new field in each language, refuses a bad value with the
 * field's own message, shows the server's refusal of a bad value in each language, and the server
 * accepts a good one. The audit console shows the publication and the hash chain verifies.
 */

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const adminApp = `${baseURL}/apps/admin/?corpId=${corpId}`
const reportApp = `${baseURL}/apps/support-report/?corpId=${corpId}`

/** The field the administrator adds: required, with a format and its message in the three languages. */
const NEW_FIELD = {
  name: 'clientMatter',
  type: 'text',
  required: true,
  maxLength: 40,
  pattern: '[A-Z]{2,5} \\d{1,5}/\\d{4}',
  label: { 'zh-HK': '相關案件編號', 'zh-CN': '相关案件编号', en: 'Related case number' },
  placeholder: { 'zh-HK': '例如 HCA 1234/2026', 'zh-CN': '例如 HCA 1234/2026', en: 'e.g. HCA 1234/2026' },
  patternMessage: {
    'zh-HK': '請按「HCA 1234/2026」的格式填寫',
    'zh-CN': '请按“HCA 1234/2026”的格式填写',
    en: 'Write it like HCA 1234/2026',
  },
} as const
const LOCALES = [
  { code: 'zh-HK', menu: '繁體中文', languageButton: '語言', send: '送出回報', preview: '繁' },
  { code: 'zh-CN', menu: '简体中文', languageButton: '语言', send: '提交举报', preview: '简' },
  { code: 'en', menu: 'English', languageButton: 'Language', send: 'Send report', preview: 'EN' },
] as const

const { context } = useBrowser()

/** A form label as the accessible name has it (Element Plus marks required fields with an asterisk). */
const label = (text: string) => new RegExp(`^\\*?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

async function signIn(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: `以 ${name} 身分登入` }).click()
}

async function switchLanguage(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: from }).click()
  await page.getByRole('menuitem', { name: to }).click()
}

/** The support report form in the documents list: its row is the one whose secondary text names its key. */
const formLink = (page: Page) =>
  page.getByRole('listitem').filter({ hasText: '代號 support-report' }).getByRole('link').first()

/** Pick `option` in the Element Plus select labelled `text`. */
async function choose(page: Page, text: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label(text) }).click()
  await page.getByRole('option', { name: option, exact: true }).filter({ visible: true }).click()
}

let secret = ''
let recoveryCodes: string[] = []
/** The last TOTP time step the server accepted. */
let lastStep = 0
let publishedVersion = 0

describe('form engine round trip (edit -> publish -> render -> submit -> server validation)', () => {
  it('the IT administrator sets up an authenticator in the DingTalk app: he confirms with DingTalk, the secret is shown, the first code confirms it, ten recovery codes follow', async () => {
    // A session alone cannot add an authenticator (a stolen one would): inside DingTalk, a fresh
    // DingTalk confirmation is the proof. The fake iOS client signs him in and confirms him.
    const c = await context({ ...PHONE, userAgent: DINGTALK_IOS_UA })
    await installIosBridge(c, 'dt-u-lam')
    const page = await c.newPage()
    await page.goto(`${adminApp}#/security`)

    await page.getByRole('heading', { name: '雙重驗證' }).waitFor({ timeout: 20_000 })
    await page.getByText('未設定驗證器').waitFor()
    await page.getByRole('button', { name: '設定驗證器' }).click()
    const dialog = page.getByRole('dialog', { name: '確認是你本人' })
    await dialog.getByRole('button', { name: '以釘釘確認' }).waitFor({ timeout: 20_000 })
    expect(await dialog.getByText('你尚未設定驗證器').count()).toBe(0)
    await screenshot(page, 'admin-step-up-dingtalk-phone')
    await dialog.getByRole('button', { name: '以釘釘確認' }).click()
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 })

    // Authenticator set-up: the secret is shown for manual entry; the first code confirms it.
    await page.getByRole('img', { name: '把此帳戶加入驗證器的 QR 碼' }).waitFor({ timeout: 20_000 })
    const authCodes = (await bridgeCalls(page)).filter((x) => x.method === 'runtime.permission.requestAuthCode')
    expect(authCodes, 'one DingTalk code to sign in, a fresh one to confirm').toHaveLength(2)
    expect(authCodes[1]!.params).toMatchObject({ corpId })
    secret = (await page.getByText('或輸入此密鑰：').getByRole('code').textContent())!.trim()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    lastStep = stepNow()
    await page.getByRole('textbox', { name: '驗證器顯示的六位數字' }).fill(totpAt(secret, lastStep))
    await page.getByRole('button', { name: '確認', exact: true }).click()
    await page.getByRole('heading', { name: '你的備用碼' }).waitFor({ timeout: 20_000 })
    recoveryCodes = (await page.getByRole('status').getByRole('listitem').allTextContents()).map((x) => x.trim())
    expect(recoveryCodes).toHaveLength(10)
    expect(await page.getByText('已設定驗證器').count()).toBeGreaterThan(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshot(page, 'admin-security-enrolled-dingtalk-phone')
  })

  it('another day (a new session), the administrator adds a field in three languages, reviews preview and diff, and publishes with a step-up', async () => {
    expect(secret, 'the authenticator is set up').not.toBe('')
    const c = await context(PC)
    const page = await c.newPage()
    await signIn(page, `${adminApp}#/documents`, '林國華 Lam Kwok-wah')

    // The report form in the low-code editor, listed by its title (its key is only the secondary text).
    await formLink(page).click()
    const json = page.getByRole('textbox', { name: '文件內容 (JSON)' })
    await json.waitFor({ timeout: 20_000 })
    const body = JSON.parse(await json.inputValue()) as { fields: { name: string }[] }
    expect(body.fields.some((f) => f.name === NEW_FIELD.name)).toBe(false)
    body.fields.push(NEW_FIELD)
    await json.fill(JSON.stringify(body, null, 2))

    // The live preview renders the new field in each language and checks it with the same engine.
    const preview = page.getByRole('region', { name: '即時預覽' })
    for (const l of LOCALES) {
      await preview.getByRole('radiogroup', { name: '預覽語言' }).getByText(l.preview, { exact: true }).click()
      await preview.getByRole('textbox', { name: label(NEW_FIELD.label[l.code]) }).waitFor({ timeout: 10_000 })
    }
    await preview.getByRole('radiogroup', { name: '預覽語言' }).getByText('繁', { exact: true }).click()
    await preview.getByRole('textbox', { name: label(NEW_FIELD.label['zh-HK']) }).fill('hca 1')
    await preview.getByRole('textbox', { name: label(NEW_FIELD.label['zh-HK']) }).blur()
    await preview.getByText(NEW_FIELD.patternMessage['zh-HK']).waitFor()

    // Save the draft: the diff against the running version shows exactly the added field.
    await page.getByRole('button', { name: '儲存草稿' }).click()
    const diff = page.getByRole('heading', { name: /^與正在使用的第 \d+ 版比較$/ })
    await diff.waitFor({ timeout: 20_000 })
    const runningVersion = Number(/第 (\d+) 版/.exec((await diff.textContent())!)![1])
    const changes = diff.locator('xpath=..').getByRole('listitem')
    expect(await changes.count()).toBe(1)
    expect(await changes.first().textContent()).toContain(`新增fields[name=${NEW_FIELD.name}]`)
    expect(await changes.first().textContent()).toContain('相關案件編號')
    await screenshot(page, 'admin-editor-diff-preview-pc')

    // Publish: the server wants a fresh second factor; the dialog takes the authenticator's next code.
    await page.getByRole('button', { name: '發佈' }).click()
    const dialog = page.getByRole('dialog', { name: '確認是你本人' })
    await dialog.waitFor({ timeout: 20_000 })
    await screenshot(page, 'admin-step-up-pc')
    // The server refuses a code (a time step) it already took: the authenticator's next code, as a person would wait for.
    lastStep = Math.max(lastStep + 1, stepNow())
    await dialog.getByRole('textbox', { name: '驗證器顯示的六位數字' }).fill(totpAt(secret, lastStep))
    await dialog.getByRole('button', { name: '確認' }).click()
    const done = page.getByText(/^第 \d+ 版已開始使用$/)
    await done.waitFor({ timeout: 20_000 })
    publishedVersion = Number(/第 (\d+) 版/.exec((await done.textContent())!)![1])
    expect(publishedVersion).toBe(runningVersion + 1)
    // The dialog closes with a fade-out: wait for it to be gone rather than checking at one instant.
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 })
    const running = page.getByRole('listitem').filter({ hasText: new RegExp(`^v${publishedVersion}`) })
    await running.waitFor({ timeout: 20_000 })
    expect(await running.textContent()).toMatch(/使用中.*林國華 Lam Kwok-wah/)
    await screenshot(page, 'admin-published-pc')
  })

  it('a member of staff gets the new field in zh-HK, zh-CN and en; bad values are refused with its message, by the form and by the server; a good report is accepted', async () => {
    expect(publishedVersion, 'the first test published the form').toBeGreaterThan(0)
    const c = await context(PHONE)
    const page = await c.newPage()
    await signIn(page, reportApp, '何志強 Ho Chi-keung')
    await page.getByRole('link', { name: /回報可疑聯絡/ }).click()

    // Rendered in each language, and a bad value refused by the form with the field's own message.
    let current: (typeof LOCALES)[number] = LOCALES[0]
    for (const l of LOCALES) {
      if (l !== current) {
        await switchLanguage(page, current.languageButton, l.menu)
        current = l
      }
      const field = page.getByRole('textbox', { name: label(NEW_FIELD.label[l.code]) })
      await field.waitFor({ timeout: 20_000 })
      expect(await field.getAttribute('placeholder')).toBe(NEW_FIELD.placeholder[l.code])
      await field.fill('1234')
      await page.getByRole('button', { name: l.send }).click()
      await page.getByText(NEW_FIELD.patternMessage[l.code]).waitFor({ timeout: 10_000 })
      await screenshot(page, `support-report-new-field-${l.code}-phone`)
    }
    await switchLanguage(page, current.languageButton, LOCALES[0].menu)
    current = LOCALES[0]

    // A complete report with a good value, but the server receives a bad one: the app checks with the
    // same engine before sending, so only a client that skips the check could send it. Altered on the wire.
    await page.getByRole('textbox', { name: label('號碼、連結、電郵或帳號') }).fill('+852 6888 0101')
    await choose(page, '經甚麼途徑？', '來電')
    await page.getByRole('textbox', { name: label(NEW_FIELD.label['zh-HK']) }).fill('HCA 1234/2026')
    const sent: unknown[] = []
    await page.route('**/api/support/reports', async (route) => {
      const req = route.request()
      if (req.method() !== 'POST') return route.continue()
      const payload = JSON.parse(req.postData()!) as { formVersion: number; values: Record<string, unknown> }
      sent.push(structuredClone(payload))
      payload.values[NEW_FIELD.name] = 'hca1234'
      await route.continue({ postData: JSON.stringify(payload) })
    })
    await page.getByRole('button', { name: '送出回報' }).click()
    await page.getByText('修正後重新送出').waitFor({ timeout: 20_000 })
    await page.unroute('**/api/support/reports')
    expect(sent).toMatchObject([
      { formVersion: publishedVersion, values: { [NEW_FIELD.name]: 'HCA 1234/2026', channel: 'call' } },
    ])
    // "My reports" keeps it on the device and says what the server refused, with the field's label and message.
    await page
      .getByRole('listitem')
      .filter({ hasText: `${NEW_FIELD.label['zh-HK']}：${NEW_FIELD.patternMessage['zh-HK']}` })
      .waitFor()
    await screenshot(page, 'support-report-refused-phone')

    // The correction page shows the server's refusal under the new field, in each language.
    await page.getByRole('link', { name: '修正後重新送出' }).click()
    for (const l of [LOCALES[0], LOCALES[1], LOCALES[2]]) {
      if (l !== current) {
        await switchLanguage(page, current.languageButton, l.menu)
        current = l
      }
      await page.getByText(NEW_FIELD.patternMessage[l.code]).waitFor({ timeout: 20_000 })
      await screenshot(page, `support-report-server-refusal-${l.code}-phone`)
    }

    // Typed again, the server's message goes; sent, the server accepts it against the published version.
    await page.getByRole('textbox', { name: label(NEW_FIELD.label.en) }).clear()
    await page.getByRole('textbox', { name: label(NEW_FIELD.label.en) }).pressSequentially('HCA 1234/2026')
    await page.getByText(NEW_FIELD.patternMessage.en).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Send report' }).click()
    await expect
      .poll(
        async () => {
          const mine = (await page.evaluate(async () => (await fetch('/api/support/reports/mine')).json())) as {
            items: { formVersion: number; extra: Record<string, unknown> }[]
          }
          return mine.items.map((r) => ({ formVersion: r.formVersion, extra: r.extra }))
        },
        { timeout: 20_000 },
      )
      .toEqual([{ formVersion: publishedVersion, extra: { [NEW_FIELD.name]: 'HCA 1234/2026' } }])
    // Nothing waits on the device any more; the report is in the server's list.
    await page.getByRole('heading', { name: 'My reports' }).waitFor({ timeout: 20_000 })
    await page.getByRole('heading', { name: 'Waiting to be sent' }).waitFor({ state: 'detached', timeout: 20_000 })
    await page.getByText('+852 6888 0101').waitFor()
    await screenshot(page, 'support-report-accepted-en-phone')
  })

  it('the audit console lists the publication and its step-up, and the hash chain verifies', async () => {
    const c = await context(PC)
    const page = await c.newPage()
    await signIn(page, adminApp, '吳慧敏 Ng Wai-man')
    await page.getByRole('button', { name: '驗證紀錄鏈' }).click()
    const ok = page.getByRole('alert').filter({ hasText: /^紀錄完整：已檢查 \d+ 項。/ })
    await ok.waitFor({ timeout: 20_000 })
    expect(await ok.textContent()).toContain('由第一項開始檢查。')

    // The publication, and before it the refusal without a fresh second factor: both audited, said in words
    // (never as codes), with the person's name and department and the kind of document.
    for (const action of ['需要再次確認 (操作未執行)', '發布表格或政策']) {
      await choose(page, '操作', action)
      await page.getByRole('button', { name: '搜尋' }).click()
      const entry = page
        .getByRole('listitem')
        .filter({ hasText: action })
        .filter({ hasText: '林國華 Lam Kwok-wah · IT' })
        .filter({ hasText: '表格' })
      await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(1)
    }
    // The versions the server published itself at start are the system's, said in the reader's language.
    expect(
      await page.getByRole('listitem').filter({ hasText: '發布表格或政策' }).filter({ hasText: '系統' }).count(),
    ).toBeGreaterThan(0)
    expect(await page.locator('.audit-page__list').innerText()).not.toMatch(/lowcode\.|step_up\.|u-lam/)
    await screenshot(page, 'admin-audit-verified-pc')
    // Searching by a person's name (server-side) finds their entries, and only theirs.
    await page.reload()
    await page.getByRole('textbox', { name: '案件編號、案件名稱或姓名' }).fill('林國華')
    await page.getByRole('button', { name: '搜尋' }).click()
    await expect
      .poll(
        async () => {
          const actors = await page.locator('.audit-entry__actor').allInnerTexts()
          return actors.length > 0 && actors.every((a) => a.startsWith('林國華'))
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    await screenshot(page, 'admin-audit-search-pc')
  })

  it('on a phone, the administration pages fit the screen, and the form is rolled back with a recovery code as the step-up', async () => {
    const c = await context(PHONE)
    const page = await c.newPage()
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    await signIn(page, adminApp, '林國華 Lam Kwok-wah')
    await page.getByRole('button', { name: '驗證紀錄鏈' }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: /^紀錄完整/ })
      .waitFor({ timeout: 20_000 })
    expect(await fits()).toBe(true)
    await screenshot(page, 'admin-audit-verified-phone')
    await page.getByRole('textbox', { name: '案件編號、案件名稱或姓名' }).fill('林國華')
    await page.getByRole('button', { name: '搜尋' }).click()
    await page.locator('.audit-entry').first().waitFor({ timeout: 20_000 })
    expect(await fits()).toBe(true)
    await screenshot(page, 'admin-audit-search-phone')

    await page.getByRole('navigation', { name: '系統管理分頁' }).getByRole('link', { name: '表格及政策' }).click()
    await formLink(page).waitFor({ timeout: 20_000 })
    expect(await fits()).toBe(true)
    await screenshot(page, 'admin-documents-phone')
    await formLink(page).click()
    await page
      .getByRole('region', { name: '即時預覽' })
      .getByRole('textbox', { name: label(NEW_FIELD.label['zh-HK']) })
      .waitFor({ timeout: 20_000 })
    expect(await fits()).toBe(true)
    await screenshot(page, 'admin-editor-phone')

    // Roll back to the version before (which leaves the suite as the other specs expect it): a new
    // session, so a second factor again; this time one of the recovery codes.
    const before = publishedVersion - 1
    await page
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^v${before}`) })
      .getByRole('button', { name: '還原至此版本' })
      .click()
    await page.getByRole('dialog', { name: '還原至此版本' }).getByRole('button', { name: '還原至此版本' }).click()
    const dialog = page.getByRole('dialog', { name: '確認是你本人' })
    await dialog.waitFor({ timeout: 20_000 })
    await dialog.getByRole('radiogroup').getByText('備用碼', { exact: true }).click()
    await dialog.getByRole('textbox', { name: '其中一個備用碼' }).fill(recoveryCodes[0]!)
    expect(await fits()).toBe(true)
    await screenshot(page, 'admin-step-up-recovery-phone')
    await dialog.getByRole('button', { name: '確認' }).click()
    await page.getByText(`第 ${publishedVersion + 1} 版已開始使用`).waitFor({ timeout: 20_000 })
    await page.getByText(`還原至第 ${before} 版`).waitFor()
    expect(
      JSON.parse(await page.getByRole('textbox', { name: '文件內容 (JSON)' }).inputValue()).fields.some(
        (f: { name: string }) => f.name === NEW_FIELD.name,
      ),
    ).toBe(false)

    await page.getByRole('navigation', { name: '系統管理分頁' }).getByRole('link', { name: '我的雙重驗證' }).click()
    await page.getByText('尚餘 9 個備用碼').waitFor({ timeout: 20_000 })
    expect(await fits()).toBe(true)
    await screenshot(page, 'admin-security-phone')
  })
})
