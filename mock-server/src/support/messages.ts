import { BASE_REPORT_FORM, type Locale, type ReportStatus } from '@suite/domain'
import { catalogue, type Text } from '../jobs/messages'

/*
 * What the suspicious-contact service tells people, in the recipient's language: verdicts to
 * reporters, thanks for a reported drill, the announcement of the registry, IT's urgent alert.
 */

const IN_APP: Record<Locale, string> = {
  'zh-HK': '釘釘沒有香港客服熱線；官方客服只在釘釘應用程式內：我的 → 幫助與反饋 → 聯繫客服。',
  'zh-CN': '钉钉没有香港客服热线；官方客服只在钉钉应用内：我的 → 帮助与反馈 → 联系客服。',
  en: 'DingTalk has no Hong Kong hotline; its only customer service is inside the DingTalk app: Me → Help & Feedback → Contact customer service.',
}

const text = catalogue({
  'zh-HK': {
    confirmed_scam: {
      title: '你的回報：確認為詐騙',
      body: '你回報的「{display}」已確認為詐騙，已加入本行的詐騙名單。多謝你！{resolution}',
    },
    false_alarm: {
      title: '你的回報：並非詐騙',
      body: '資訊科技部已查核你回報的「{display}」，確認不是詐騙。多謝你提高警覺。{resolution}',
    },
    duplicate: {
      title: '你的回報：已有同事回報',
      body: '你回報的「{display}」已有同事回報，我們會一併處理。多謝你！{resolution}',
    },
    drillThanks: {
      title: '演習：你識破了！',
      body: `你回報的「{display}」是本行的防騙演習（{campaign}）。做得好！真正遇到時也請這樣回報。\n\n${IN_APP['zh-HK']}`,
    },
    registry: {
      title: '官方聯絡渠道已更新',
      body: `本行認可的官方渠道：\n{list}\n\n名單以外自稱客服的來電、短訊或網站，請用「可疑聯絡回報」通知資訊科技部。\n\n${IN_APP['zh-HK']}`,
    },
    urgent: {
      title: '緊急：同事可能已受騙',
      body: '{reporter} 回報「{display}」，並表示已照做（{complied}）。請盡快聯絡同事、重設密碼及檢查帳戶。',
    },
    urgentHandedOver: {
      title: '緊急：同事已交出{items}',
      body: '{reporter} 回報「{display}」，並表示已把{items}交給對方（{complied}）。請立即聯絡同事、重設密碼、登出所有裝置；如涉及銀行資料，請同事即時致電銀行。',
    },
  },
  'zh-CN': {
    confirmed_scam: {
      title: '你的举报：确认为诈骗',
      body: '你举报的“{display}”已确认为诈骗，已加入本所的诈骗名单。谢谢你！{resolution}',
    },
    false_alarm: {
      title: '你的举报：不是诈骗',
      body: 'IT 部门已核查你举报的“{display}”，确认不是诈骗。谢谢你保持警惕。{resolution}',
    },
    duplicate: {
      title: '你的举报：已有同事举报',
      body: '你举报的“{display}”已有同事举报，我们会一并处理。谢谢你！{resolution}',
    },
    drillThanks: {
      title: '演练：你识破了！',
      body: `你举报的“{display}”是本所的防骗演练（{campaign}）。做得好！真正遇到时也请这样举报。\n\n${IN_APP['zh-CN']}`,
    },
    registry: {
      title: '官方联系渠道已更新',
      body: `本所认可的官方渠道：\n{list}\n\n名单以外自称客服的来电、短信或网站，请用“可疑联系举报”通知 IT 部门。\n\n${IN_APP['zh-CN']}`,
    },
    urgent: {
      title: '紧急：同事可能已受骗',
      body: '{reporter} 举报“{display}”，并表示已照做（{complied}）。请尽快联系同事、重置密码并检查账户。',
    },
    urgentHandedOver: {
      title: '紧急：同事已交出{items}',
      body: '{reporter} 举报“{display}”，并表示已把{items}交给对方（{complied}）。请立即联系同事、重置密码、退出所有设备；如涉及银行信息，请同事立即致电银行。',
    },
  },
  en: {
    confirmed_scam: {
      title: 'Your report: confirmed scam',
      body: 'The contact you reported, "{display}", is a confirmed scam and is now on the firm\'s scam list. Thank you! {resolution}',
    },
    false_alarm: {
      title: 'Your report: not a scam',
      body: 'IT checked "{display}", which you reported, and found it is not a scam. Thank you for staying alert. {resolution}',
    },
    duplicate: {
      title: 'Your report: already reported',
      body: 'A colleague already reported "{display}"; it is handled with that report. Thank you! {resolution}',
    },
    drillThanks: {
      title: 'Drill: well spotted!',
      body: `"{display}", which you reported, was part of the firm's anti-scam drill ({campaign}). Well done: report real ones the same way.\n\n${IN_APP.en}`,
    },
    registry: {
      title: 'Official channels updated',
      body: `The firm's official channels:\n{list}\n\nAny other "customer service" call, message or site: report it with Report a suspicious contact.\n\n${IN_APP.en}`,
    },
    urgent: {
      title: 'Urgent: a colleague may have been scammed',
      body: '{reporter} reported "{display}" and says they complied ({complied}). Contact them, reset their password and check their accounts now.',
    },
    urgentHandedOver: {
      title: 'Urgent: a colleague handed over {items}',
      body: '{reporter} reported "{display}" and says they gave the contact {items} ({complied}). Contact them now, reset their password and sign out their devices; if bank details were given, have them call their bank at once.',
    },
  },
})

/** Statuses whose verdict is told to the reporter. */
const VERDICTS = ['confirmed_scam', 'false_alarm', 'duplicate'] as const
type Verdict = (typeof VERDICTS)[number]
const isVerdict = (s: ReportStatus): s is Verdict => (VERDICTS as readonly string[]).includes(s)

/** The verdict told to a reporter, in their language; null for a status that is no verdict. */
export function verdictText(
  locale: Locale,
  status: ReportStatus,
  p: { display: string; resolution: string | null },
): Text | null {
  if (!isVerdict(status)) return null
  const t = text(locale, status, { display: p.display, resolution: p.resolution ?? '' })
  return { title: t.title, body: t.body.trim() }
}

/** Thanks for reporting a drill message. */
export function drillThanksText(locale: Locale, p: { display: string; campaign: string }): Text {
  return text(locale, 'drillThanks', p)
}

/** The announcement of a published registry. */
export function registryText(locale: Locale, entries: { label: string; display: string }[]): Text {
  return text(locale, 'registry', { list: entries.map((e) => `- ${e.label}: ${e.display}`).join('\n') })
}

const COMPLIED: Record<Locale, Record<string, string>> = {
  'zh-HK': { yes: '有照做', partly: '做了一部分' },
  'zh-CN': { yes: '有照做', partly: '做了一部分' },
  en: { yes: 'fully', partly: 'partly' },
}

const ASKED_FOR_OPTIONS = BASE_REPORT_FORM.fields.find((f) => f.name === 'askedFor')?.options ?? []
const LIST_SEPARATOR: Record<Locale, string> = { 'zh-HK': '、', 'zh-CN': '、', en: ', ' }
const lower = (locale: Locale, s: string) => (locale === 'en' ? s.charAt(0).toLowerCase() + s.slice(1) : s)

/**
 * The alert to IT when a reporter says they did what the contact asked. When what they handed
 * over was a one-time code, a password or bank details (`handedOver`), the alert names it.
 */
export function urgentText(
  locale: Locale,
  p: { reporter: string; display: string; complied: string; handedOver?: readonly string[] },
): Text {
  const complied = COMPLIED[locale][p.complied] ?? p.complied
  const handed = p.handedOver ?? []
  if (!handed.length) return text(locale, 'urgent', { reporter: p.reporter, display: p.display, complied })
  const items = handed
    .map((a) => lower(locale, ASKED_FOR_OPTIONS.find((o) => o.value === a)?.label[locale] ?? a))
    .join(LIST_SEPARATOR[locale])
  return text(locale, 'urgentHandedOver', { reporter: p.reporter, display: p.display, complied, items })
}
