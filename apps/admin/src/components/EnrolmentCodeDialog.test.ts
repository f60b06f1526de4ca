import { mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import EnrolmentCodeDialog from './EnrolmentCodeDialog.vue'

// 16:30 UTC on 2 March is 00:30 on 3 March in Hong Kong.
const issued = { name: '李嘉欣 Lee Ka-yan', code: 'ABCD-EFGH-JKMN', expiresAt: '2026-03-02T16:30:00.000Z' }

async function open(locale: 'zh-HK' | 'zh-CN' | 'en') {
  const { wrapper: w } = await mountWithSuite(EnrolmentCodeDialog, { props: { issued }, locale })
  // The dialog is appended to <body>.
  const dialog = () => document.body.querySelector<HTMLElement>('.el-dialog')!
  return { w, dialog }
}

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('EnrolmentCodeDialog: the set-up code IT just issued, shown once', () => {
  it.each([
    [
      'zh-HK',
      '李嘉欣 Lee Ka-yan 的設定碼',
      '只可使用一次，有效至 2026年3月3日 00:30 (香港時間)。',
      '切勿以電郵或聊天訊息傳送',
    ],
    [
      'zh-CN',
      '李嘉欣 Lee Ka-yan 的设置码',
      '只能使用一次，有效期至 2026年3月3日 00:30 (香港时间)。',
      '切勿通过邮件或聊天消息发送',
    ],
    [
      'en',
      'Set-up code for 李嘉欣 Lee Ka-yan',
      'Works once, until 3 Mar 2026 00:30 (Hong Kong time).',
      'never by email or chat',
    ],
  ] as const)(
    'in %s: the code, its expiry in Hong Kong time, and how to hand it over',
    async (locale, title, expiry, guidance) => {
      const { w, dialog } = await open(locale)
      await flushPromises()
      expect(dialog().getAttribute('aria-label') ?? dialog().textContent).toContain(title)
      expect(dialog().querySelector('[data-test="enrolment-code"]')!.textContent).toBe('ABCD-EFGH-JKMN')
      expect(dialog().querySelector('[data-test="enrolment-code-expiry"]')!.textContent).toBe(expiry)
      expect(dialog().textContent).toContain(guidance)
      w.unmount()
    },
  )

  it('copies the code, and closes with Done', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { w, dialog } = await open('en')
    await flushPromises()
    const button = (name: string) =>
      [...dialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!
    button('Copy').click()
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('ABCD-EFGH-JKMN')
    button('Done').click()
    await flushPromises()
    expect(w.emitted('close')).toHaveLength(1)
    w.unmount()
  })
})
