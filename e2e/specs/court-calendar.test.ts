import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import ICAL from 'ical.js'
import { HK_GENERAL_HOLIDAYS, addDays, hongKongDateOf, weekday, type IsoDate } from '@suite/court-rules'
import { demoUser } from '@suite/domain/testing'
import { PC, PHONE, useBrowser } from '../support/browser'
import { screenshot } from '../support/shots'

/*
 * The court calendar's user-facing flows (issue 4), through the real UI on the real backend: a
 * lawyer creates a hearing for a demo case and a deadline computed from it with a rule template,
 * reads the working (counted and excluded days, with reasons, in zh-HK), moves the hearing and
 * sees the deadline move, and watches the DingTalk sync reach the simulator; on a PC the month
 * view shows the hearing and the iCalendar feed downloads a valid calendar containing it.
 */

const baseURL = inject('baseURL')
const corpId = inject('corpId')
const app = `${baseURL}/apps/court-calendar/?corpId=${corpId}`
const lee = demoUser('u-lee')
const CASE_NUMBER = 'HCA 1234/2026'
const COURT = '高等法院原訟法庭'
const DEADLINE_TITLE = 'E2E 送達傳票'

/** A Monday 10-60 days ahead with no general holiday in the week before it nor the week after (the dates below are then plain weekday arithmetic). */
function quietMonday(today: IsoDate): IsoDate {
  const holidays = new Set(HK_GENERAL_HOLIDAYS.map((h) => h.date))
  for (let d = addDays(today, 10); d < addDays(today, 60); d = addDays(d, 1)) {
    if (weekday(d) !== 1) continue
    let quiet = true
    for (let k = -7; k <= 10; k++) if (holidays.has(addDays(d, k))) quiet = false
    if (quiet) return d
  }
  throw new Error(`no quiet Monday after ${today}`)
}

const WEEKDAYS = '日一二三四五六'
/** A date the way a Hong Kong date field takes it: day/month/year. */
const hkDay = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
/** A date the way the app writes it in zh-HK ('long'): 2026年12月7日（星期一）. */
const zhLong = (d: IsoDate) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日（星期${WEEKDAYS[weekday(d)]}）`

const today = hongKongDateOf(new Date())
const hearingDay = quietMonday(today)
/** Summons served 2 clear days before a Monday hearing: Thursday and Friday count, the weekend does not, due Wednesday. */
const firstDue = addDays(hearingDay, -5)
/** Moved to the Tuesday of the week after: Friday and Monday count, due Thursday. */
const movedDay = addDays(hearingDay, 8)
const movedDue = addDays(hearingDay, 3)

const { context } = useBrowser()

interface SimEvent {
  id: string
  unionId: string
  summary: string
  status: string
  isAllDay: boolean
  start: { dateTime?: string; date?: string }
}
const simEvents = async () =>
  ((await (await fetch(`${baseURL}/_sim/dingtalk/_test/state`)).json()) as { events: SimEvent[] }).events
const leeEvents = async (text: string) =>
  (await simEvents()).filter(
    (e) => e.unionId === lee.dingtalkUnionId && e.status !== 'cancelled' && e.summary.includes(text),
  )

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: '以 李嘉欣 Lee Ka-yan 身分登入' }).click()
  await page.getByRole('button', { name: '新增聆訊' }).waitFor({ timeout: 20_000 })
}

/** A form label as the accessible name has it (Element Plus marks required fields with an asterisk). */
const label = (text: string) => new RegExp(`^\\*?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

/** Type a date day/month/year into the date field labelled `text`, as a Hong Kong user does. */
async function fillDate(page: Page, text: string, date: IsoDate): Promise<void> {
  // Element Plus gives its date picker's input the combobox role.
  const box = page.getByRole('combobox', { name: label(text) })
  await box.fill(hkDay(date))
  await box.press('Enter')
}

/** Pick `option` in the Element Plus select labelled `text`. */
async function choose(page: Page, text: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label(text) }).click()
  await page.getByRole('option', { name: option }).filter({ visible: true }).first().click()
}

/** The page's DingTalk section shows the lawyer's calendar as synced (the page looks again by itself while a sync is pending). */
async function expectSynced(page: Page): Promise<void> {
  await page.getByRole('region', { name: '釘釘日曆' }).getByText('已在釘釘').waitFor({ timeout: 30_000 })
}

let hearingUrl = ''

describe('court calendar', () => {
  it('on a phone: a hearing, a deadline from a rule template with its working, the move, and the DingTalk sync', async () => {
    const c = await context(PHONE)
    const page = await c.newPage()
    // The agenda from a week before the hearing: the deep link the app keeps in its URL.
    await signIn(page, `${app}#/?view=agenda&date=${addDays(hearingDay, -7)}`)
    expect(await page.getByRole('radio', { name: '議程' }).isChecked()).toBe(true)

    // A new hearing for the demo case.
    await page.getByRole('button', { name: '新增聆訊' }).click()
    await page.getByRole('heading', { name: '新增聆訊' }).waitFor()
    await choose(page, '案件', new RegExp(`^${CASE_NUMBER}`))
    await fillDate(page, '日期', hearingDay)
    await page.getByRole('textbox', { name: label('開始') }).fill('10:00')
    await page.getByRole('textbox', { name: label('結束（可選）') }).fill('12:30')
    // A court from the list of Hong Kong courts, found by typing its name.
    await page.getByRole('combobox', { name: label('法院') }).click()
    await page.getByRole('combobox', { name: label('法院') }).pressSequentially(COURT)
    await page.getByRole('option', { name: COURT, exact: true }).filter({ visible: true }).click()
    await page.getByRole('textbox', { name: label('法庭') }).fill('12')
    await page.getByRole('textbox', { name: label('法官') }).fill('Master Lo')
    await screenshot(page, 'court-calendar-hearing-form-phone')
    await page.getByRole('button', { name: '儲存', exact: true }).click()
    await page.getByRole('heading', { name: `${CASE_NUMBER} · 非正審聆訊` }).waitFor({ timeout: 20_000 })
    hearingUrl = page.url()
    expect(await page.getByText(`${zhLong(hearingDay)} 10:00–12:30`).count()).toBe(1)
    expect(await page.getByText('人手輸入 · 第 1 版').count()).toBe(1)

    // Its DingTalk event reaches the simulator, and the page says so.
    await expect
      .poll(async () => (await leeEvents(CASE_NUMBER)).map((e) => e.start.dateTime), { timeout: 30_000 })
      .toEqual([`${hearingDay}T10:00:00+08:00`])
    await expectSynced(page)

    // A deadline from the hearing with a rule template: the working is shown before saving.
    await page.getByRole('button', { name: '以此聆訊新增期限' }).click()
    await page.getByRole('heading', { name: '新增期限' }).waitFor()
    await page.getByRole('textbox', { name: label('須辦理的事項') }).fill(DEADLINE_TITLE)
    expect(await page.getByRole('radio', { name: '規則範本' }).isChecked()).toBe(true)
    await choose(page, '規則範本', /^送達傳票（2整天）/)
    expect(await page.getByRole('radio', { name: '聆訊' }).isChecked()).toBe(true)
    await page.getByText(`到期日：${zhLong(firstDue)}`).waitFor({ timeout: 10_000 })
    const preview = page.getByRole('region', { name: '日期如何計算' })
    await expectWorking(
      preview,
      [addDays(hearingDay, -4), addDays(hearingDay, -3)],
      [
        [addDays(hearingDay, -2), '星期六'],
        [addDays(hearingDay, -1), '星期日'],
      ],
    )
    await screenshot(page, 'court-calendar-deadline-form-phone')
    await page.getByRole('button', { name: '新增期限' }).click()
    await page.getByRole('heading', { name: DEADLINE_TITLE }).waitFor({ timeout: 20_000 })
    expect(
      await page
        .getByRole('paragraph')
        .filter({ hasText: /^到期日/ })
        .textContent(),
    ).toBe(`到期日 ${zhLong(firstDue)}`)
    await page.getByText(/^按規則計算 · 範本 送達傳票（2整天），第 \d+ 版$/).waitFor()
    await expectWorking(
      page.getByRole('region', { name: '日期如何計算' }),
      [addDays(hearingDay, -4), addDays(hearingDay, -3)],
      [
        [addDays(hearingDay, -2), '星期六'],
        [addDays(hearingDay, -1), '星期日'],
      ],
    )
    await expect
      .poll(async () => (await leeEvents(DEADLINE_TITLE)).map((e) => [e.isAllDay, e.start.date]), { timeout: 30_000 })
      .toEqual([[true, firstDue]])
    await expectSynced(page)
    await screenshot(page, 'court-calendar-deadline-phone')

    // Move the hearing to the Tuesday of the next week: the deadline follows, and so do the calendars.
    await page.goto(hearingUrl)
    await page.getByText('以此聆訊計算的期限：1 個。聆訊改期時會一併移動。').waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: '編輯' }).click()
    await page.getByRole('heading', { name: '編輯聆訊' }).waitFor()
    await expect.poll(() => page.getByRole('combobox', { name: label('日期') }).inputValue()).toBe(hkDay(hearingDay))
    await fillDate(page, '日期', movedDay)
    await page.getByRole('button', { name: '儲存', exact: true }).click()
    await page.getByText(`${zhLong(movedDay)} 10:00–12:30`).waitFor({ timeout: 20_000 })
    await screenshot(page, 'court-calendar-hearing-moved-phone')
    expect(await page.getByText('人手輸入 · 第 2 版').count()).toBe(1)

    // The agenda shows both items on their new days, each with its sync badge.
    await page.goto(`${app}#/?view=agenda&date=${addDays(hearingDay, -7)}`)
    const day = (date: IsoDate) =>
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: zhLong(date) }) })
    const deadlineItem = day(movedDue).getByRole('button', { name: new RegExp(`期限：${DEADLINE_TITLE}`) })
    const hearingItem = day(movedDay).getByRole('button', { name: new RegExp(`${CASE_NUMBER} · 非正審聆訊`) })
    await deadlineItem.waitFor({ timeout: 20_000 })
    await hearingItem.waitFor()
    expect(await page.getByRole('button', { name: new RegExp(`期限：${DEADLINE_TITLE}`) }).count()).toBe(1)
    expect(await page.getByRole('button', { name: new RegExp(`${CASE_NUMBER} · 非正審聆訊`) }).count()).toBe(1)
    await expect
      .poll(
        async () => [await hearingItem.getByText('已在釘釘').count(), await deadlineItem.getByText('已在釘釘').count()],
        { timeout: 30_000 },
      )
      .toEqual([1, 1])
    await screenshot(page, 'court-calendar-agenda-phone')
    await expect
      .poll(
        async () => ({
          hearing: (await leeEvents(CASE_NUMBER)).filter((e) => !e.isAllDay).map((e) => e.start.dateTime),
          deadline: (await leeEvents(DEADLINE_TITLE)).map((e) => e.start.date),
        }),
        { timeout: 30_000 },
      )
      .toEqual({ hearing: [`${movedDay}T10:00:00+08:00`], deadline: [movedDue] })

    // The moved deadline shows its new working.
    await deadlineItem.click()
    await page.getByRole('heading', { name: DEADLINE_TITLE }).waitFor({ timeout: 20_000 })
    await expectWorking(
      page.getByRole('region', { name: '日期如何計算' }),
      [addDays(hearingDay, 4), addDays(hearingDay, 7)],
      [
        [addDays(hearingDay, 5), '星期六'],
        [addDays(hearingDay, 6), '星期日'],
      ],
    )
    expect(await page.getByText(`聆訊（${zhLong(movedDay)}）`).count()).toBe(1)
  })

  it('on a PC: the month view shows the hearing, and the iCalendar feed downloads a valid calendar with it', async () => {
    expect(hearingUrl, 'the phone test made the hearing').not.toBe('')
    const c = await context(PC)
    const page = await c.newPage()
    await signIn(page, app)
    await page.getByRole('radiogroup', { name: '檢視' }).getByText('月', { exact: true }).click()
    await expect.poll(() => page.getByRole('radio', { name: '月' }).isChecked()).toBe(true)
    const monthsAhead =
      (Number(movedDay.slice(0, 4)) - Number(today.slice(0, 4))) * 12 +
      Number(movedDay.slice(5, 7)) -
      Number(today.slice(5, 7))
    for (let i = 0; i < monthsAhead; i++) await page.getByRole('button', { name: '下一段' }).click()
    await page
      .getByRole('heading', { name: `${Number(movedDay.slice(0, 4))}年${Number(movedDay.slice(5, 7))}月` })
      .waitFor({ timeout: 10_000 })
    const chip = page.getByRole('button', { name: `10:00 ${CASE_NUMBER}` })
    await chip.waitFor({ timeout: 20_000 })
    expect(await page.getByRole('button', { name: `${zhLong(movedDay)}：1 項` }).count()).toBe(1)
    // Weekday headers, Monday first.
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['一', '二', '三', '四', '五', '六', '日'])
    await screenshot(page, 'court-calendar-month-pc')

    // The feed: create the address, download it without a session, parse it independently.
    await page.getByRole('button', { name: '我的日曆訂閱' }).click()
    await page.getByRole('button', { name: '建立我的訂閱網址' }).click()
    const urlBox = page.getByRole('textbox', { name: '我的日曆訂閱' })
    await urlBox.waitFor({ timeout: 20_000 })
    const feedUrl = await urlBox.inputValue()
    expect(feedUrl).toMatch(/\/api\/court-calendar\/feed\/[^/]+\/calendar\.ics$/)
    await screenshot(page, 'court-calendar-feed-pc')
    const res = await fetch(feedUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const vcalendar = new ICAL.Component(ICAL.parse(await res.text()))
    expect(vcalendar.name).toBe('vcalendar')
    expect(vcalendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Hong_Kong')
    const events = vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    const hearing = events.find((e) => e.summary.includes(CASE_NUMBER) && !e.startDate.isDate)
    expect(hearing, 'the hearing is in the feed').toBeDefined()
    expect(hearing!.startDate.toString()).toBe(`${movedDay}T10:00:00`)
    expect(hearing!.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Hong_Kong')
    expect(hearing!.component.getFirstPropertyValue('dtstamp')).toBeTruthy()
    expect(hearing!.endDate.toString()).toBe(`${movedDay}T12:30:00`)
    expect(hearing!.location).toContain(COURT)
    expect(hearing!.sequence).toBeGreaterThan(0)
    expect(hearing!.uid).toBeTruthy()
    const deadline = events.find((e) => e.summary.includes(DEADLINE_TITLE))
    expect(deadline?.startDate.isDate).toBe(true)
    expect(deadline?.startDate.toString()).toBe(movedDue)
  })

  it('a deadline already past: asked what to record, kept open, it heads the agenda as overdue on a phone and a PC', async () => {
    const title = 'E2E 已過期的期限'
    const due = addDays(today, -3)
    const c = await context(PHONE)
    const page = await c.newPage()
    await signIn(page, app)
    await page.goto(`${app}#/deadlines/new?caseId=case-hca-1234`)
    await page.getByRole('heading', { name: '新增期限' }).waitFor()
    await page.getByRole('textbox', { name: label('須辦理的事項') }).fill(title)
    await page.getByRole('radio', { name: '固定日期' }).check({ force: true })
    await fillDate(page, '到期日', due)
    await page
      .getByText(`到期日 ${zhLong(due)} 已經過去（香港時間）`)
      .first()
      .waitFor()
    await page.getByRole('button', { name: '新增期限' }).click()
    // Nothing is saved before the lawyer answers.
    const dialog = page.getByRole('dialog', { name: '此日期已經過去' })
    await dialog.waitFor()
    await screenshot(page, 'court-calendar-past-prompt-phone')
    await dialog.getByRole('button', { name: '保持未完成（已過期）' }).click()
    await page.getByRole('heading', { name: title }).waitFor({ timeout: 20_000 })
    await page.getByText(`此期限已於 ${zhLong(due)}（香港時間）到期，仍未完成。`).waitFor()
    expect(await page.locator('.deadline-page__head').getByText('已過期', { exact: true }).count()).toBe(1)
    await screenshot(page, 'court-calendar-overdue-deadline-phone')

    // The default agenda (from today) still shows it, at the top, marked overdue.
    await page.goto(`${app}#/`)
    const overdue = page.getByRole('alert').filter({ hasText: /^已過期的限期/ })
    await overdue.getByRole('button', { name: new RegExp(title) }).waitFor({ timeout: 20_000 })
    expect(await overdue.getByText(`原定 ${zhLong(due)} 到期`).count()).toBe(1)
    await screenshot(page, 'court-calendar-overdue-agenda-phone')

    const pc = await (await context(PC)).newPage()
    await signIn(pc, app)
    const pcOverdue = pc.getByRole('alert').filter({ hasText: /^已過期的限期/ })
    await pcOverdue.getByRole('button', { name: new RegExp(title) }).waitFor({ timeout: 20_000 })
    await screenshot(pc, 'court-calendar-overdue-agenda-pc')
    // Opening it from there: the deadline page, with "record as missed" offered.
    await pcOverdue.getByRole('button', { name: new RegExp(title) }).click()
    await pc.getByRole('button', { name: '記錄為已錯過' }).waitFor({ timeout: 20_000 })
    await screenshot(pc, 'court-calendar-overdue-deadline-pc')
  })
})

/** The working section lists exactly these counted days and these excluded days with their reasons. */
async function expectWorking(
  section: ReturnType<Page['getByRole']>,
  counted: IsoDate[],
  excluded: [IsoDate, string][],
): Promise<void> {
  await expect
    .poll(() => section.getByRole('heading', { name: `計算在內的日子（${counted.length} 天）` }).count(), {
      timeout: 10_000,
    })
    .toBe(1)
  const countedItems = section.getByRole('list').first().getByRole('listitem')
  expect(await countedItems.allTextContents()).toEqual(counted.map((d, i) => `${i + 1}${zhLong(d)}`))
  const excludedItems = section.getByRole('list').nth(1).getByRole('listitem')
  expect(await excludedItems.count()).toBe(excluded.length)
  for (const [i, [date, reason]] of excluded.entries()) {
    const text = await excludedItems.nth(i).textContent()
    expect(text).toContain(zhLong(date))
    expect(text).toContain(reason)
    expect(text).toContain('第3號命令第2(5)條規則：7天或以下的期間不計此日')
  }
}
