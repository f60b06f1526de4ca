import { randomUUID } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addDays, hongKongDateOf } from '@suite/court-rules'
import { PC, PHONE, useBrowser } from '../support/browser'
import { screenshot } from '../support/shots'

/*
 * The portal as a launcher (issue point 10): the first screen shows what needs the person today,
 * by role, before the app tiles. A partner sees their overdue deadline first, marked in colour and
 * words, today's hearing in Hong Kong time and a client's new comment, each linking into its app;
 * IT sees the suspicious-contact reports waiting for triage, the urgent one first.
 */

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const portal = `${baseURL}/apps/portal/?corpId=${corpId}`
const CASE = 'case-hca-1234'
const today = hongKongDateOf(new Date())
const OVERDUE = 'E2E 交換證人陳述書'
const SOON = 'E2E 提交文件清單'
const COMMENT = 'E2E 下次聆訊是哪一天？'

const { context } = useBrowser()

/** Call the API as a demo user (dev sign-in). */
async function apiAs(userId: string) {
  const res = await fetch(`${baseURL}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${baseURL}${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    if (!r.ok) throw new Error(`POST ${path} answered ${r.status}: ${await r.text()}`)
    return r.json() as Promise<{ id: string }>
  }
}

let made: { hearing: string; overdue: string } | null = null
/** The day the portal shows: a hearing late today, a deadline overdue and one due soon, a client's comment, two reports. */
async function makeTheDay() {
  if (made) return made
  const chan = await apiAs('u-chan')
  const hearing = await chan('/api/court-calendar/hearings', {
    caseId: CASE,
    court: '高等法院原訟法庭',
    courtroom: '13',
    type: 'case_management',
    startsAt: `${today}T23:00:00+08:00`,
    endsAt: `${today}T23:45:00+08:00`,
    lawyerIds: ['u-chan'],
  })
  // Kept open knowing it is overdue (the court calendar asks what a past date stands at).
  const overdue = await chan('/api/court-calendar/deadlines', {
    caseId: CASE,
    kind: 'fixed',
    title: OVERDUE,
    dueOn: addDays(today, -3),
    pastDue: 'open',
  })
  await chan('/api/court-calendar/deadlines', { caseId: CASE, kind: 'fixed', title: SOON, dueOn: addDays(today, 2) })
  await (
    await apiAs('u-client-tse')
  )(`/api/cases/${CASE}/threads/public/comments`, { body: COMMENT })
  const report = (who: string, identifier: string, complied: string) =>
    apiAs(who).then((call) =>
      call(
        '/api/support/reports',
        {
          formVersion: 1,
          values: {
            identifierKind: 'phone',
            identifier,
            channel: 'call',
            claimedIdentity: 'dingtalk_support',
            askedFor: ['one_time_code'],
            complied,
            message: '你好，我係釘釘客服，你的帳戶將被凍結',
          },
          reportedAt: new Date().toISOString(),
        },
        { 'idempotency-key': randomUUID() },
      ),
    )
  await report('u-lee', '+852 6123 4567', 'no')
  await report('u-cheung', '+852 6999 8888', 'yes')
  made = { hearing: hearing.id, overdue: overdue.id }
  return made
}

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(portal)
  await page.getByRole('button', { name: new RegExp(`以 ${name} 身分登入`) }).click()
  await page.getByRole('heading', { name: '今日要處理' }).waitFor({ timeout: 20_000 })
}
const section = (page: Page, title: string) => page.getByRole('region', { name: title })

describe('portal: what needs you today', () => {
  for (const [size, opts] of [
    ['phone', PHONE],
    ['pc', PC],
  ] as const) {
    it(`shows a partner the overdue deadline first, today's hearing and a client's comment (${size})`, async () => {
      const { hearing, overdue } = await makeTheDay()
      const page = await (await context(opts)).newPage()
      await signIn(page, '陳大文 Chan Tai-man')
      await expect.poll(() => page.getByRole('alert').filter({ hasText: '項期限已逾期' }).count()).toBe(1)

      const deadlines = section(page, '期限：已逾期及未來 7 日到期').getByRole('link')
      await deadlines.first().waitFor()
      // Other specs share this server and may have left overdue deadlines of their own: every
      // overdue one comes before every one that is not, and ours is among them, marked.
      const texts = await deadlines.allTextContents()
      const overdueAt = texts.map((t, i) => (t.includes('已逾期') ? i : -1)).filter((i) => i >= 0)
      expect(overdueAt).toEqual(overdueAt.map((_, i) => i))
      const first = deadlines.filter({ hasText: OVERDUE })
      expect(texts.findIndex((t) => t.includes(OVERDUE))).toBeLessThan(overdueAt.length)
      expect(await first.textContent()).toContain('已逾期')
      expect(await first.textContent()).toContain('逾期 3 日')
      expect(await first.getAttribute('href')).toBe(`/apps/court-calendar/?corpId=${corpId}#/deadlines/${overdue}`)
      expect(await deadlines.filter({ hasText: SOON }).textContent()).toContain('2 日後到期')

      const hearings = section(page, '今日聆訊').getByRole('link', { name: /23:00–23:45（香港時間）/ })
      expect(await hearings.getAttribute('href')).toBe(`/apps/court-calendar/?corpId=${corpId}#/hearings/${hearing}`)
      const comment = section(page, '新留言').getByRole('link', { name: new RegExp(COMMENT) })
      expect(await comment.getAttribute('href')).toBe(`/apps/case-room/?corpId=${corpId}#/cases/${CASE}/public`)
      // No triage for a partner; the launcher tiles stay below.
      expect(await section(page, '待處理的可疑聯絡舉報').count()).toBe(0)
      expect(await page.getByRole('region', { name: '應用程式' }).getByRole('link').count()).toBe(4)
      await screenshot(page, `portal-today-partner-${size}`)

      // The deadline's link opens it in the court calendar.
      if (size === 'pc') {
        await first.click()
        await page.waitForURL(/\/apps\/court-calendar\/.*#\/deadlines\//)
      }
    })

    it(`shows IT the reports to triage, the urgent one first (${size})`, async () => {
      await makeTheDay()
      const page = await (await context(opts)).newPage()
      await signIn(page, '林國華 Lam Kwok-wah')
      const triage = section(page, '待處理的可疑聯絡舉報')
      await triage.getByRole('link').first().waitFor()
      const reports = triage.getByRole('link', { name: /\+852/ })
      // Other specs' reports may be in the queue too: every urgent one comes before every one that
      // is not, ours is urgent and before our ordinary one.
      const texts = await reports.allTextContents()
      const urgentAt = texts.map((t, i) => (t.includes('緊急') ? i : -1)).filter((i) => i >= 0)
      expect(urgentAt).toEqual(urgentAt.map((_, i) => i))
      const ours = texts.findIndex((t) => t.includes('+852 6999 8888'))
      expect(texts[ours]).toContain('緊急：舉報人已按對方要求行事')
      expect(ours).toBeLessThan(texts.findIndex((t) => t.includes('+852 6123 4567')))
      expect(await reports.nth(ours).getAttribute('href')).toBe(`/apps/support-report/?corpId=${corpId}#/console`)
      // IT is a member of no case: the case sections say so in words.
      expect(await section(page, '今日聆訊').textContent()).toContain('今日你的案件沒有聆訊。')
      await screenshot(page, `portal-today-it-${size}`)
    })
  }
})
