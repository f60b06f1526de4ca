import { beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page, Response } from 'playwright-core'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { PC, PHONE, useBrowser } from '../support/browser'
import { screenshot as keep } from '../support/shots'

/*
 * The case room's proof (issue 3), through the real UI on the real backend: a client sees the
 * public timeline and a watermarked restricted draft but never the original nor any trace of the
 * private tier; a walled associate cannot find the case; an external member loses access on the
 * next request once their milestone is reached. Also the way back in for externals: the device
 * re-entry credential after the session ended, and a partner's one-time sign-in link.
 */

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const app = `${baseURL}/apps/case-room/?corpId=${corpId}`
const HCA = 'case-hca-1234'
const HCA_NUMBER = 'HCA 1234/2026'

const { context } = useBrowser(PHONE)

/** Call the API as a demo user (dev sign-in), the way the firm's own device would. */
async function apiAs(userId: string) {
  const res = await fetch(`${baseURL}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  if (!res.ok) throw new Error(`dev sign-in as ${userId} answered ${res.status}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const headers = { cookie, 'x-csrf-token': csrfToken }
  return {
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${baseURL}${path}`, {
        method,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
      if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${await r.text()}`)
      return (r.status === 204 ? undefined : await r.json()) as T
    },
    async upload(tier: string, title: string, bytes: Uint8Array, filename: string): Promise<{ id: string }> {
      const form = new FormData()
      form.append('file', new Blob([bytes as BlobPart], { type: 'application/pdf' }), filename)
      const r = await fetch(`${baseURL}/api/cases/${HCA}/documents?tier=${tier}&title=${encodeURIComponent(title)}`, {
        method: 'POST',
        headers,
        body: form,
      })
      if (r.status !== 201) throw new Error(`upload answered ${r.status}: ${await r.text()}`)
      return r.json() as Promise<{ id: string }>
    },
  }
}

/** A small PDF made with pdf-lib: a heading and a few lines on each page. */
async function makePdf(title: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842])
    page.drawText(`${title} - page ${i} of ${pages}`, { x: 60, y: 770, size: 20, font })
    for (let l = 0; l < 24; l++)
      page.drawText(`${l + 1}. The plaintiff's loss is set out in the schedule, without prejudice.`, {
        x: 60,
        y: 730 - l * 22,
        size: 11,
        font,
      })
  }
  return doc.save()
}

/** Keep a screenshot once transitions (tab bars, dialogs) have come to rest, so it shows what stays on screen. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 5000,
    })
    .catch(() => undefined)
  await keep(page, name)
}

/** Status of a request made from inside the page (its cookies, its origin). */
const statusFromPage = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).status, url)

/** The dev server's DingTalk simulator (its test hooks are on for the e2e run). */
const sim = `${baseURL}/_sim/dingtalk`

/**
 * A person of the firm's DingTalk directory who has opened the suite once (so the suite knows
 * them): invitations and their one-time codes reach them as work notifications.
 */
async function directoryPerson(userid: string, name: string): Promise<string> {
  const add = await fetch(`${sim}/_test/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      userid,
      unionid: `union-${userid}`,
      name,
      title: '',
      avatar: '',
      dept_id_list: [1],
      admin: false,
      active: true,
    }),
  })
  if (!add.ok) throw new Error(`simulator refused ${userid}: ${add.status}`)
  const { code } = (await (
    await fetch(`${sim}/_test/auth-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userid }),
    })
  ).json()) as { code: string }
  const res = await fetch(`${baseURL}/api/auth/dingtalk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ corpId, code }),
  })
  if (!res.ok) throw new Error(`DingTalk sign-in of ${userid} answered ${res.status}`)
  const body = (await res.json()) as { user?: { id: string }; session?: { user: { id: string } } }
  return (body.session?.user ?? body.user)!.id
}

/** The newest one-time invitation code DingTalk delivered to `userid`. */
async function invitationCode(userid: string): Promise<string> {
  let code: string | undefined
  await expect
    .poll(
      async () => {
        const { messages } = (await (await fetch(`${sim}/_test/state`)).json()) as {
          messages: { userid: string; msg: unknown }[]
        }
        code = messages
          .filter((m) => m.userid === userid)
          .map((m) => /(?:驗證碼是|验证码是|code is)\s*(\d{6})/.exec(JSON.stringify(m.msg))?.[1])
          .filter(Boolean)
          .at(-1)
        return code
      },
      { timeout: 20_000 },
    )
    .toMatch(/^\d{6}$/)
  return code!
}

/** On the landing page: check who invites, ask for the code, type it in and accept. */
async function acceptWithCode(page: Page, userid: string, shot?: string): Promise<void> {
  await expect.poll(() => page.getByRole('button', { name: '發送驗證碼' }).count(), { timeout: 20_000 }).toBe(1)
  await page.getByRole('button', { name: '發送驗證碼' }).click()
  const code = await invitationCode(userid)
  await page.getByLabel('6 位數字驗證碼').fill(code)
  if (shot) await screenshot(page, shot)
  await page.getByRole('button', { name: '確認並開啟案件室' }).click()
}

/** Open the case room in a plain browser and pick a demo user. */
async function signInWithPicker(page: Page, name: string, label = '以 {name} 身分登入'): Promise<void> {
  await page.goto(app)
  await page.getByRole('button', { name: label.replace('{name}', name) }).click()
}

const seeded = { restricted: '', public: '', private: '' }
const DRAFT = 'Draft witness statement 證人陳述書草稿'
const NOTICE = 'Notice of hearing 聆訊通知書'
const MEMO = 'Settlement strategy memo 和解策略'
const STRATEGY_NOTE = 'Do not go below HK$2m; the defendant is insured.'
const HEARING = 'Case management conference 案件管理會議'

beforeAll(async () => {
  // The partner seeds what the client will look at, through the API.
  const chan = await apiAs('u-chan')
  seeded.restricted = (
    await chan.upload('restricted', DRAFT, await makePdf('Draft witness statement', 2), 'witness-statement-draft.pdf')
  ).id
  seeded.public = (
    await chan.upload('public', NOTICE, await makePdf('Notice of hearing', 1), 'notice-of-hearing.pdf')
  ).id
  seeded.private = (await chan.upload('private', MEMO, await makePdf('Strategy memo', 1), 'strategy-memo.pdf')).id
  await chan.json('POST', `/api/cases/${HCA}/threads/private/comments`, { body: STRATEGY_NOTE })
  await chan.json('POST', `/api/cases/${HCA}/events`, {
    kind: 'hearing',
    title: HEARING,
    occursAt: '2026-12-14T02:30:00.000Z',
    body: 'High Court, Court 14. 高等法院第14號法庭。',
  })
  await chan.json('POST', `/api/cases/${HCA}/events`, {
    kind: 'notice',
    title: 'Defence filed 被告已提交抗辯書',
    body: '',
    occursAt: '2026-11-20T06:00:00.000Z',
  })
})

describe('case room: the client', () => {
  it('sees the public timeline, a watermarked draft with no download, and nothing of the private tier', async () => {
    const ctx = await context(PHONE)
    const page = await ctx.newPage()
    await signInWithPicker(page, '謝家輝 Tse Ka-fai')
    const caseButton = page.getByRole('button', { name: new RegExp(HCA_NUMBER) })
    await expect.poll(() => caseButton.count(), { timeout: 20_000 }).toBe(1)
    await screenshot(page, 'case-room-client-cases-phone-zh-HK')
    await caseButton.click()

    // The public timeline.
    await expect.poll(() => page.getByText(HEARING).count(), { timeout: 20_000 }).toBe(1)
    expect(await page.getByText('Defence filed 被告已提交抗辯書').count()).toBe(1)
    const tabs = await page.getByRole('tab').allTextContents()
    expect(tabs.map((x) => x.trim())).toEqual(['進展', '共享區', '審閱草稿', '成員'])
    await screenshot(page, 'case-room-client-timeline-phone-zh-HK')

    // The shared area lists the notice.
    await page.getByRole('tab', { name: '共享區' }).click()
    await expect.poll(() => page.getByRole('link', { name: new RegExp(NOTICE) }).count(), { timeout: 20_000 }).toBe(1)

    // A restricted draft: only a watermarked JPEG from the render endpoint, no download control.
    await page.getByRole('tab', { name: '審閱草稿' }).click()
    const draft = page.getByRole('link', { name: new RegExp(DRAFT) })
    await expect.poll(() => draft.count(), { timeout: 20_000 }).toBe(1)
    await screenshot(page, 'case-room-client-restricted-phone-zh-HK')
    const rendered: Response[] = []
    page.on('response', (r) => {
      if (r.url().includes(`/documents/${seeded.restricted}/`)) rendered.push(r)
    })
    await draft.click()
    const image = page.getByRole('img', { name: `${DRAFT} 第 1 頁` })
    await expect.poll(() => image.count(), { timeout: 30_000 }).toBe(1)
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(1000)
    const pageImage = rendered.find((r) => r.url().endsWith(`/documents/${seeded.restricted}/pages/1`))
    expect(pageImage?.status()).toBe(200)
    expect(await pageImage!.headerValue('content-type')).toBe('image/jpeg')
    expect([...(await pageImage!.body()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    expect(rendered.some((r) => r.url().includes('/original'))).toBe(false)
    expect(await page.getByText('僅供檢視。每頁均印有你的姓名及時間，每次檢視均會記錄。').count()).toBe(1)
    expect(await page.getByRole('link', { name: '下載原檔' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '下載原檔' }).count()).toBe(0)
    expect(await page.locator('a[download], a[href*="/original"]').count()).toBe(0)
    // The original's URL, asked for from the page with the client's own cookies, is refused.
    expect(await statusFromPage(page, `/api/cases/${HCA}/documents/${seeded.restricted}/original`)).toBe(403)
    await screenshot(page, 'case-room-client-draft-viewer-phone-zh-HK')

    // The members tab: the firm's team and the client, no other outsiders, no walls.
    await page.goto(`${app}#/cases/${HCA}/members`)
    await expect.poll(() => page.getByText('陳大文 Chan Tai-man').count(), { timeout: 20_000 }).toBe(1)
    expect(await page.getByText('何志強 Ho Chi-keung').count()).toBe(0)
    expect(await page.getByText('Dr. Fung Pak-lam 馮柏林').count()).toBe(0)
    expect(await page.getByRole('button', { name: '新登入連結' }).count()).toBe(0)
    await screenshot(page, 'case-room-client-members-phone-zh-HK')

    // No trace of the private tier: no tab, no item, the API says it does not exist.
    await page.goto(`${app}#/cases/${HCA}/private`)
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 20_000 }).toBe(`#/cases/${HCA}/timeline`)
    await expect.poll(() => page.getByText(HEARING).count(), { timeout: 20_000 }).toBe(1)
    expect(await page.getByRole('tab', { name: '內部區' }).count()).toBe(0)
    for (const tab of ['共享區', '審閱草稿']) {
      await page.getByRole('tab', { name: tab }).click()
      await expect
        .poll(() => page.locator('.document-list__items, .suite-empty-state').count(), { timeout: 20_000 })
        .toBeGreaterThan(0)
      expect(await page.getByText(MEMO).count()).toBe(0)
    }
    expect(await page.content()).not.toContain(STRATEGY_NOTE)
    for (const url of [
      `/api/cases/${HCA}/documents?tier=private`,
      `/api/cases/${HCA}/documents/${seeded.private}`,
      `/api/cases/${HCA}/documents/${seeded.private}/pages/1`,
      `/api/cases/${HCA}/documents/${seeded.private}/original`,
      `/api/cases/${HCA}/threads/private/comments`,
    ])
      expect([url, await statusFromPage(page, url)]).toEqual([url, 404])
    // Even typed straight into the address bar, the private memo is "not found", like a document that never existed.
    await page.goto(`${app}#/cases/${HCA}/documents/${seeded.private}`)
    await expect.poll(() => page.getByText('此文件不存在，或你沒有存取權限。').count(), { timeout: 20_000 }).toBe(1)
    expect(await page.getByText('找不到此項目，可能已被刪除。').count()).toBe(1)
    expect(await page.getByRole('button', { name: '重試' }).count()).toBe(0)
    expect(await page.getByText(MEMO).count()).toBe(0)
    await screenshot(page, 'case-room-client-private-not-found-phone-zh-HK')
  })
})

describe('case room: an ethical wall', () => {
  it('the walled associate cannot find the case: not listed, not searchable, not found by its URL', async () => {
    const ctx = await context({ ...PC, locale: 'en' })
    const page = await ctx.newPage()
    await signInWithPicker(page, '何志強 Ho Chi-keung', 'Sign in as {name}')
    await expect.poll(() => page.getByRole('button', { name: /DCCJ 5678\/2026/ }).count(), { timeout: 20_000 }).toBe(1)
    expect(await page.getByText(HCA_NUMBER).count()).toBe(0)
    await screenshot(page, 'case-room-walled-cases-pc-en')
    await page.getByRole('textbox', { name: 'Search by number, title or client' }).fill('1234')
    await expect.poll(() => page.getByText('No case matches your search.').count(), { timeout: 20_000 }).toBe(1)
    await page.goto(`${app}#/cases/${HCA}/timeline`)
    await expect
      .poll(() => page.getByText('This case does not exist or you do not have access to it.').count(), {
        timeout: 20_000,
      })
      .toBe(1)
    expect(await page.getByText(HEARING).count()).toBe(0)
    expect(await page.getByRole('tab').count()).toBe(0)
    expect(await statusFromPage(page, `/api/cases/${HCA}`)).toBe(404)
    await screenshot(page, 'case-room-walled-not-found-pc-en')
  })
})

describe('case room: external members', () => {
  let partner: Page
  beforeAll(async () => {
    const ctx = await context({ ...PC, locale: 'en' })
    partner = await ctx.newPage()
    await signInWithPicker(partner, '陳大文 Chan Tai-man', 'Sign in as {name}')
    await partner.getByRole('button', { name: new RegExp(HCA_NUMBER) }).waitFor({ timeout: 20_000 })
  })

  it('an expert whose access ends at a milestone loses it on the next request once a partner marks it reached', async () => {
    const chan = await apiAs('u-chan')
    const milestone = await chan.json<{ id: string }>('POST', `/api/cases/${HCA}/events`, {
      kind: 'milestone',
      title: 'Expert report served 專家報告已送達',
      occursAt: '2026-12-01T02:00:00.000Z',
    })
    // The partner invites in the app (zh-HK, PC): a directory person, so DingTalk delivers the invitation.
    const yip = 'Dr Yip Wing-kei 葉永基'
    await directoryPerson('e2e-yip', yip)
    const desk = await (await context({ ...PC, locale: 'zh-HK' })).newPage()
    await signInWithPicker(desk, '陳大文 Chan Tai-man')
    await desk.getByRole('button', { name: new RegExp(HCA_NUMBER) }).waitFor({ timeout: 20_000 })
    await desk.goto(`${app}#/cases/${HCA}/members`)
    await desk.getByRole('button', { name: '邀請外部人士' }).click()
    const dialog = desk.getByRole('dialog', { name: '邀請加入此案件' })
    await dialog.getByLabel('姓名', { exact: true }).fill(yip)
    await dialog.getByLabel('手機號碼或電郵').fill('12345')
    await expect.poll(() => dialog.getByText('請輸入香港、澳門或內地手機號碼').count()).toBe(1)
    await dialog.getByLabel('手機號碼或電郵').fill('+852 9123 4567')
    await dialog.getByLabel('對方在本行釘釘通訊錄內？（選填）').fill('葉永基')
    await desk.locator('.el-select-dropdown__item', { hasText: yip }).click()
    await dialog.getByText('專家／顧問').click()
    await dialog.getByText('於里程碑達成時').click()
    await dialog.getByLabel('里程碑', { exact: true }).click({ force: true })
    await desk.locator('.el-select-dropdown__item', { hasText: 'Expert report served 專家報告已送達' }).click()
    await screenshot(desk, 'case-room-invite-dialog-pc-zh-HK')
    await dialog.getByRole('button', { name: '建立連結' }).click()
    await expect
      .poll(() => dialog.getByText(`已透過釘釘工作通知把邀請發送給 ${yip}。`).count(), { timeout: 20_000 })
      .toBe(1)
    const message = await dialog.locator('#invite-message').inputValue()
    expect(message).toContain('陳黃律師行 Chan & Wong Solicitors')
    expect(message).toContain('陳大文 Chan Tai-man')
    expect(message).toContain(HCA_NUMBER)
    expect(message).toContain('驗證碼')
    await screenshot(desk, 'case-room-invite-sent-pc-zh-HK')
    const url = await dialog.locator('#invite-link').inputValue()
    expect(message).toContain(url)
    const invitations = await chan.json<{ items: { name: string; accessExpiry: { milestoneId?: string } }[] }>(
      'GET',
      `/api/cases/${HCA}/invitations`,
    )
    expect(invitations.items.find((i) => i.name === yip)?.accessExpiry.milestoneId).toBe(milestone.id)

    // The expert opens the link: the firm, the inviter and the matter come first; the link alone opens nothing.
    const ctx = await context(PHONE)
    const expert = await ctx.newPage()
    await expert.goto(url.replace(/^https?:\/\/[^/]+/, baseURL))
    const heading = expert.getByRole('heading', { name: '陳黃律師行 Chan & Wong Solicitors 邀請你查閱案件文件' })
    await expect.poll(() => heading.count(), { timeout: 20_000 }).toBe(1)
    expect(await expert.getByText(HCA_NUMBER).count()).toBe(1)
    expect(await expert.getByText('陳大文 Chan Tai-man').count()).toBe(1)
    await screenshot(expert, 'case-room-invitation-phone-zh-HK')
    // The same landing page on a PC; looking at it sends nothing and uses nothing up.
    const pcLanding = await (await context({ ...PC, locale: 'zh-HK' })).newPage()
    await pcLanding.goto(url.replace(/^https?:\/\/[^/]+/, baseURL))
    await expect.poll(() => pcLanding.getByText(HCA_NUMBER).count(), { timeout: 20_000 }).toBe(1)
    await screenshot(pcLanding, 'case-room-invitation-pc-zh-HK')
    expect(await statusFromPage(expert, `/api/cases/${HCA}`)).toBe(401)
    // A wrong code is refused in the reader's language.
    await expert.getByRole('button', { name: '發送驗證碼' }).click()
    const code = await invitationCode('e2e-yip')
    await expert.getByLabel('6 位數字驗證碼').fill(code === '000000' ? '111111' : '000000')
    await expert.getByRole('button', { name: '確認並開啟案件室' }).click()
    await expect
      .poll(() => expert.getByRole('alert').filter({ hasText: '驗證碼不正確，請核對後再試。' }).count(), {
        timeout: 20_000,
      })
      .toBe(1)
    await expert.getByLabel('6 位數字驗證碼').fill(code)
    await screenshot(expert, 'case-room-invitation-code-phone-zh-HK')
    await expert.getByRole('button', { name: '確認並開啟案件室' }).click()
    await expect.poll(() => expert.getByText(HEARING).count(), { timeout: 20_000 }).toBe(1)
    await expert.getByRole('tab', { name: '審閱草稿' }).click()
    await expect.poll(() => expert.getByRole('link', { name: new RegExp(DRAFT) }).count(), { timeout: 20_000 }).toBe(1)

    // The partner marks the milestone reached in the app.
    await partner.goto(`${app}#/cases/${HCA}/timeline`)
    const item = partner.locator('li', { hasText: 'Expert report served 專家報告已送達' })
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1)
    await item.getByRole('button', { name: 'Mark reached' }).click()
    await partner.locator('.el-message-box').getByRole('button', { name: 'OK' }).click()
    await expect.poll(() => item.getByText(/^Reached /).count(), { timeout: 20_000 }).toBe(1)
    await partner.locator('.el-message-box').waitFor({ state: 'hidden' })
    await screenshot(partner, 'case-room-partner-milestone-reached-pc-en')

    // The expert's very next request is refused: the tab they open shows nothing, the case is gone.
    await expert.getByRole('tab', { name: '共享區' }).click()
    await expect.poll(() => expert.getByText('找不到此項目，可能已被刪除。').count(), { timeout: 20_000 }).toBe(1)
    expect(await expert.getByRole('link', { name: new RegExp(NOTICE) }).count()).toBe(0)
    await expert.reload()
    await expect.poll(() => expert.getByText('此案件不存在，或你沒有存取權限。').count(), { timeout: 20_000 }).toBe(1)
    expect(await statusFromPage(expert, `/api/cases/${HCA}`)).toBe(404)
    await screenshot(expert, 'case-room-expert-expired-phone-zh-HK')
    await expert.getByRole('button', { name: '返回我的案件' }).click()
    await expect.poll(() => expert.getByText('沒有案件').count(), { timeout: 20_000 }).toBe(1)
  })

  it('a partner on the PC gets the same draft with the download control the client never sees', async () => {
    await partner.goto(`${app}#/cases/${HCA}/documents/${seeded.restricted}`)
    const image = partner.getByRole('img', { name: `Page 1 of ${DRAFT}` })
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth).catch(() => 0), {
        timeout: 30_000,
      })
      .toBeGreaterThan(1000)
    expect(await partner.getByRole('link', { name: 'Download original' }).getAttribute('href')).toBe(
      `/api/cases/${HCA}/documents/${seeded.restricted}/original`,
    )
    expect(await statusFromPage(partner, `/api/cases/${HCA}/documents/${seeded.restricted}/original`)).toBe(200)
    await partner.getByRole('tab', { name: 'Who viewed it' }).click()
    await expect.poll(() => partner.getByText('謝家輝 Tse Ka-fai').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await screenshot(partner, 'case-room-partner-draft-pc-en')
  })

  it('comes back after the session ended with the device credential, and on a new device with a partner’s sign-in link', async () => {
    const chan = await apiAs('u-chan')
    const name = 'Ms Kwok Siu-fan 郭小芬'
    const inv = await chan.json<{ url: string }>('POST', `/api/cases/${HCA}/invitations`, {
      name,
      role: 'client',
      tierCeiling: 'restricted',
      accessExpiry: { kind: 'date', date: '2099-12-31' },
      contact: '+852 6123 4567',
      directoryUserId: await directoryPerson('e2e-kwok', name),
    })
    const phone = await context(PHONE)
    const client = await phone.newPage()
    await client.goto(inv.url.replace(/^https?:\/\/[^/]+/, baseURL))
    await acceptWithCode(client, 'e2e-kwok')
    await expect.poll(() => client.getByText(HEARING).count(), { timeout: 20_000 }).toBe(1)
    const cookies = await phone.cookies()
    expect(cookies.find((c) => c.name === 'suite_case_reentry')).toMatchObject({
      httpOnly: true,
      path: '/api/case-room/re-entry',
    })
    expect(await client.evaluate(() => document.cookie)).not.toContain('suite_case_reentry')

    // Twelve hours later the session is gone; the app opens again without any new invitation.
    const userId = await client.evaluate(
      async () => ((await (await fetch('/api/auth/session')).json()) as { user: { id: string } }).user.id,
    )
    await phone.clearCookies({ name: 'suite_sid' })
    expect((await phone.cookies()).map((c) => c.name)).toEqual(['suite_case_reentry'])
    await client.reload()
    await expect.poll(() => client.getByText(HEARING).count(), { timeout: 20_000 }).toBe(1)
    expect(await client.getByText('開發用登入').count()).toBe(0)
    expect(
      await client.evaluate(
        async () => ((await (await fetch('/api/auth/session')).json()) as { user: { id: string } }).user.id,
      ),
    ).toBe(userId)
    // A new session was opened by the device credential, and the server recorded it.
    expect((await phone.cookies()).map((c) => c.name).sort()).toEqual(['suite_case_reentry', 'suite_sid'])
    const ng = await apiAs('u-ng')
    const audit = await ng.json<{ items: { action: string; actorId: string }[] }>(
      'GET',
      `/api/audit?action=case.reentry_sign_in&actorId=${encodeURIComponent(userId)}`,
    )
    expect(audit.items).toHaveLength(1)
    await screenshot(client, 'case-room-reentered-phone-zh-HK')

    // Signing out sticks: the device credential is forgotten with the session.
    await client.getByRole('button', { name: '登出' }).click()
    await expect.poll(() => client.getByText('開發用登入').count(), { timeout: 20_000 }).toBe(1)
    await client.reload()
    await expect.poll(() => client.getByText('開發用登入').count(), { timeout: 20_000 }).toBe(1)
    expect((await phone.cookies()).find((c) => c.name === 'suite_case_reentry')).toBeUndefined()

    // The partner sends a new sign-in link from the members panel; no new user is made by it.
    await partner.goto(`${app}#/cases/${HCA}/members`)
    const row = partner.locator('li', { hasText: name })
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1)
    await row.getByRole('button', { name: 'New sign-in link' }).click()
    const dialog = partner.getByRole('dialog', { name: `New sign-in link for ${name}` })
    await dialog.getByRole('button', { name: 'Create link' }).click()
    const linkBox = dialog.getByRole('textbox', { name: 'One-time link' })
    await expect.poll(() => linkBox.count(), { timeout: 20_000 }).toBe(1)
    const link = await linkBox.inputValue()
    expect(link).toContain('#/sign-in/')
    await screenshot(partner, 'case-room-partner-sign-in-link-pc-en')
    await dialog.getByRole('button', { name: 'Done' }).click()

    const newPhone = await context(PHONE)
    const again = await newPhone.newPage()
    await again.goto(link.replace(/^https?:\/\/[^/]+/, baseURL))
    await expect.poll(() => again.getByRole('heading', { name: '登入案件室' }).count(), { timeout: 20_000 }).toBe(1)
    await screenshot(again, 'case-room-sign-in-link-phone-zh-HK')
    await again.getByRole('button', { name: '登入', exact: true }).click()
    await expect.poll(() => again.getByText(HEARING).count(), { timeout: 20_000 }).toBe(1)
    expect(
      await again.evaluate(
        async () => ((await (await fetch('/api/auth/session')).json()) as { user: { name: string } }).user.name,
      ),
    ).toBe(name)
    const members = await chan.json<{ items: { name: string }[] }>('GET', `/api/cases/${HCA}/members`)
    expect(members.items.filter((m) => m.name === name)).toHaveLength(1)
    // The link worked once.
    const reuse = await context(PHONE)
    const third = await reuse.newPage()
    await third.goto(link.replace(/^https?:\/\/[^/]+/, baseURL))
    await third.getByRole('button', { name: '登入', exact: true }).click()
    await expect
      .poll(() => third.getByRole('alert').filter({ hasText: '此連結已無法使用' }).count(), { timeout: 20_000 })
      .toBe(1)
  })
})

describe('case room: the case screens at phone and PC size (zh-HK)', () => {
  /** Every visible control matched by `selector` is at least 44 px tall. */
  async function tallEnough(page: Page, selector: string): Promise<void> {
    const small = await page.locator(selector).evaluateAll((els) =>
      els
        .map((el) => ({
          text: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim(),
          r: el.getBoundingClientRect(),
        }))
        .filter((x) => x.r.width > 0 && x.r.height > 0 && x.r.height < 44)
        .map((x) => `${x.text} ${Math.round(x.r.width)}x${Math.round(x.r.height)}`),
    )
    expect([selector, small]).toEqual([selector, []])
  }

  for (const [size, device] of [
    ['phone', PHONE],
    ['pc', PC],
  ] as const) {
    it(`a partner on the ${size}: dated timeline, a confirmed “restrict to internal”, and a continuous viewer`, async () => {
      const ctx = await context(device)
      const page = await ctx.newPage()
      await signInWithPicker(page, '陳大文 Chan Tai-man')
      await page.getByRole('button', { name: new RegExp(HCA_NUMBER) }).waitFor({ timeout: 20_000 })

      // Every timeline entry carries its date, in Hong Kong time, and says so.
      await page.goto(`${app}#/cases/${HCA}/timeline`)
      await expect.poll(() => page.getByText(HEARING).count(), { timeout: 20_000 }).toBe(1)
      const times = await page.locator('.timeline-panel__item time').allTextContents()
      expect(times.length).toBeGreaterThan(1)
      for (const when of times) expect(when).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}.*（香港時間）$/)
      expect(times).toContain('2026年12月14日 10:30（香港時間）')
      if (size === 'phone') await tallEnough(page, '.timeline-panel .el-button')
      await screenshot(page, `case-room-case-page-${size}-zh-HK`)

      // Uploading asks for a title and whether to tell those who can see it; the converter note is the firm's.
      await page.getByRole('tab', { name: '審閱草稿' }).click()
      await page.getByRole('button', { name: '上載', exact: true }).click()
      const upload = page.getByRole('dialog', { name: '上載至審閱草稿' })
      await upload.waitFor({ timeout: 10_000 })
      expect(await upload.getByRole('checkbox', { name: '通知可查看此文件的人' }).isChecked()).toBe(true)
      expect(await upload.getByText(/Word、Excel 及 PowerPoint/).count()).toBe(1)
      await screenshot(page, `case-room-upload-${size}-zh-HK`)
      await upload.getByRole('button', { name: '取消' }).click()
      await upload.waitFor({ state: 'hidden' })

      // "Restrict to internal" names what it does before it does it; cancelling changes nothing.
      await page.getByRole('tab', { name: '成員' }).click()
      const sw = page.locator('.members-panel__restrict .el-switch')
      await sw.waitFor({ timeout: 20_000 })
      await expect.poll(() => page.locator('.members-panel__row').count(), { timeout: 20_000 }).toBeGreaterThan(2)
      if (size === 'phone') await tallEnough(page, '.members-panel .el-button, .members-panel__restrict .el-switch')
      await sw.click()
      const box = page.locator('.el-message-box')
      await expect.poll(() => box.getByText(/名外部成員會即時失去存取權/).count(), { timeout: 10_000 }).toBe(1)
      expect(await box.textContent()).toContain('謝家輝 Tse Ka-fai')
      await screenshot(page, `case-room-restrict-confirm-${size}-zh-HK`)
      await box.getByRole('button', { name: '取消' }).click()
      await box.waitFor({ state: 'hidden' })
      expect(await page.getByText('外部存取已暫停').count()).toBe(0)
      expect(await statusFromPage(page, `/api/cases/${HCA}`)).toBe(200)
      const detail = await page.evaluate(
        async (u) => (await (await fetch(u)).json()) as { restrictedToInternal: boolean },
        `/api/cases/${HCA}`,
      )
      expect(detail.restrictedToInternal).toBe(false)

      // The draft reads as one continuous scroll: page 2 is fetched when it comes into view.
      const pagesAsked: number[] = []
      page.on('request', (r) => {
        const m = r.url().match(new RegExp(`/documents/${seeded.restricted}/pages/(\\d+)$`))
        if (m) pagesAsked.push(Number(m[1]))
      })
      await page.goto(`${app}#/cases/${HCA}/documents/${seeded.restricted}`)
      const first = page.getByRole('img', { name: `${DRAFT} 第 1 頁` })
      await expect
        .poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth).catch(() => 0), {
          timeout: 30_000,
        })
        .toBeGreaterThan(1000)
      expect(await page.locator('.page-viewer__page').count()).toBe(2)
      await page.getByRole('button', { name: '下一頁' }).click()
      const second = page.getByRole('img', { name: `${DRAFT} 第 2 頁` })
      await expect
        .poll(() => second.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth).catch(() => 0), {
          timeout: 30_000,
        })
        .toBeGreaterThan(1000)
      expect(pagesAsked.slice(0, 2)).toEqual([1, 2])
      await expect
        .poll(() => page.locator('.page-viewer__count').textContent(), { timeout: 10_000 })
        .toBe('第 2 頁，共 2 頁')
      const hint = (await page.locator('.page-viewer__hint').textContent()) ?? ''
      if (size === 'phone') {
        expect(hint).toContain('雙指縮放')
        await tallEnough(page, '.document-page__actions .el-button, .page-viewer__bar .el-button')
      } else expect(hint).toContain('Ctrl')
      await screenshot(page, `case-room-viewer-${size}-zh-HK`)
    })
  }
})
