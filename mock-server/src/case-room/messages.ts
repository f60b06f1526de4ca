import type { CaseEventKind, ExternalRole, Locale, Tier } from '@suite/domain'
import { catalogue } from '../jobs/messages'

/**
 * What the case room tells people (work notifications), in the recipient's language. People's
 * own words (names, document and timeline titles, comment text) come in as parameters.
 */
export const caseRoomText = catalogue({
  'zh-HK': {
    memberAdded: { title: '案件 {number}：你已加入', body: '{actor} 已把你加入案件 {number}「{caseTitle}」。' },
    accessExpiring: {
      title: '案件 {number}：外部存取即將屆滿',
      body: '{name} 對 {number} 的存取權將於 {at}（香港時間）屆滿。如對方仍需存取，請在成員名單續期。',
    },
    invitationSent: {
      title: '案件 {number}：已邀請外部成員',
      body: '{actor} 已邀請 {name}（{role}，{tier}）加入 {number}。',
    },
    invitationAccepted: { title: '案件 {number}：邀請已接受', body: '{name} 已接受加入 {number} 的邀請。' },
    'event.milestone': { title: '案件 {number}：新里程碑', body: '{title}' },
    'event.hearing': { title: '案件 {number}：聆訊日期', body: '{title}' },
    'event.notice': { title: '案件 {number}：通告', body: '{title}' },
    'event.update': { title: '案件 {number}：進展', body: '{title}' },
    milestoneReached: { title: '案件 {number}：里程碑已達成', body: '{title}' },
    documentNew: { title: '案件 {number}：新文件', body: '{actor}：{title}（{tier}）' },
    documentVersion: { title: '案件 {number}：文件已更新', body: '{actor}：{title} 第 {version} 版' },
    documentShared: { title: '案件 {number}：文件已與你分享', body: '{title}（{tier}）' },
    comment: { title: '案件 {number}：新留言', body: '{actor} 於「{target}」留言：{text}' },
  },
  'zh-CN': {
    memberAdded: { title: '案件 {number}：你已被加入', body: '{actor} 已将你加入案件 {number}“{caseTitle}”。' },
    accessExpiring: {
      title: '案件 {number}：外部访问权限即将到期',
      body: '{name} 对 {number} 的访问权限将于 {at}（香港时间）到期。如对方仍需访问，请在成员列表中续期。',
    },
    invitationSent: {
      title: '案件 {number}：已邀请外部成员',
      body: '{actor} 已邀请 {name}（{role}，{tier}）加入 {number}。',
    },
    invitationAccepted: { title: '案件 {number}：邀请已接受', body: '{name} 已接受加入 {number} 的邀请。' },
    'event.milestone': { title: '案件 {number}：新里程碑', body: '{title}' },
    'event.hearing': { title: '案件 {number}：开庭日期', body: '{title}' },
    'event.notice': { title: '案件 {number}：通知', body: '{title}' },
    'event.update': { title: '案件 {number}：进展', body: '{title}' },
    milestoneReached: { title: '案件 {number}：里程碑已达成', body: '{title}' },
    documentNew: { title: '案件 {number}：新文件', body: '{actor}：{title}（{tier}）' },
    documentVersion: { title: '案件 {number}：文件已更新', body: '{actor}：{title} 第 {version} 版' },
    documentShared: { title: '案件 {number}：文件已与你共享', body: '{title}（{tier}）' },
    comment: { title: '案件 {number}：新评论', body: '{actor} 在“{target}”发表评论：{text}' },
  },
  en: {
    memberAdded: { title: 'Case {number}: you were added', body: '{actor} added you to {number} {caseTitle}.' },
    accessExpiring: {
      title: 'Case {number}: access ending soon',
      body: "{name}'s access to {number} ends at {at} (Hong Kong time). Renew it from the members panel if they still need it.",
    },
    invitationSent: {
      title: 'Case {number}: invitation sent',
      body: '{actor} invited {name} ({role}, {tier}) to {number}.',
    },
    invitationAccepted: {
      title: 'Case {number}: invitation accepted',
      body: '{name} accepted the invitation to {number}.',
    },
    'event.milestone': { title: 'Case {number}: new milestone', body: '{title}' },
    'event.hearing': { title: 'Case {number}: hearing date', body: '{title}' },
    'event.notice': { title: 'Case {number}: notice', body: '{title}' },
    'event.update': { title: 'Case {number}: update', body: '{title}' },
    milestoneReached: { title: 'Case {number}: milestone reached', body: '{title}' },
    documentNew: { title: 'Case {number}: new document', body: '{actor}: {title} ({tier})' },
    documentVersion: { title: 'Case {number}: new version', body: '{actor}: {title} v{version}' },
    documentShared: { title: 'Case {number}: document shared with you', body: '{title} ({tier})' },
    comment: { title: 'Case {number}: new comment', body: '{actor} on {target}: {text}' },
  },
})

/** The message key of a new timeline entry of `kind`. */
export const eventKey = (kind: CaseEventKind) => `event.${kind}` as const

const TIER_NAMES: Readonly<Record<Locale, Readonly<Record<Tier, string>>>> = {
  'zh-HK': { public: '公開', restricted: '限閱', private: '內部' },
  'zh-CN': { public: '公开', restricted: '限阅', private: '内部' },
  en: { public: 'public', restricted: 'restricted', private: 'private' },
}

/** A tier's name, for a message. */
export const tierName = (locale: Locale, tier: Tier): string => TIER_NAMES[locale][tier]

const ROLE_NAMES: Readonly<Record<Locale, Readonly<Record<ExternalRole, string>>>> = {
  'zh-HK': { client: '客戶', external_expert: '外部專家' },
  'zh-CN': { client: '客户', external_expert: '外部专家' },
  en: { client: 'client', external_expert: 'external expert' },
}

/** An external role's name, for a message. */
export const externalRoleName = (locale: Locale, role: ExternalRole): string => ROLE_NAMES[locale][role]

const THREAD_NAMES: Readonly<Record<Locale, Readonly<Record<Tier, string>>>> = {
  'zh-HK': { public: '公開討論', restricted: '限閱討論', private: '策略討論' },
  'zh-CN': { public: '公开讨论', restricted: '限阅讨论', private: '策略讨论' },
  en: { public: 'Discussion (public)', restricted: 'Discussion (restricted)', private: 'Strategy discussion' },
}

/** The name of a tier's discussion thread (the private one is the firm's strategy thread). */
export const threadName = (locale: Locale, tier: Tier): string => THREAD_NAMES[locale][tier]

/**
 * What an invitee is told, in their own language (the one the lawyer chose for them): the work
 * notification a directory person gets, the ready message a lawyer sends themselves, and the
 * one-time code. Each names the firm, the lawyer and the matter, so it cannot be mistaken for phishing.
 */
export const invitationText = catalogue({
  'zh-HK': {
    invitationToYou: {
      title: '{firm}：{actor} 邀請你查閱案件 {number}',
      body: '{actor}（{firm}）邀請你加入案件 {number}「{caseTitle}」的案件室。打開連結後，系統會向你發送一次性 6 位數字驗證碼以確認身份。連結於 {until}（香港時間）前有效。',
    },
    invitationMessage: {
      title: '{firm} 邀請你查閱案件 {number}',
      body: '{name}你好，我是{firm}的{actor}。我邀請你透過以下連結查閱案件 {number}「{caseTitle}」的文件：\n{url}\n打開連結後，頁面會先顯示本行名稱、我的名字和案件編號，然後向 {contact} 發送一次性 6 位數字驗證碼，以確認是你本人。連結於 {until}（香港時間）前有效。請勿把連結或驗證碼轉交他人。',
    },
    invitationCode: {
      title: '{firm} 驗證碼',
      body: '你的驗證碼是 {code}，{minutes} 分鐘內有效，用於接受 {actor}（{firm}）就案件 {number} 發出的邀請。請勿把驗證碼告訴任何人，包括自稱本行職員的人。',
    },
  },
  'zh-CN': {
    invitationToYou: {
      title: '{firm}：{actor} 邀请你查阅案件 {number}',
      body: '{actor}（{firm}）邀请你加入案件 {number}“{caseTitle}”的案件室。打开链接后，系统会向你发送一次性 6 位数字验证码以确认身份。链接在 {until}（香港时间）前有效。',
    },
    invitationMessage: {
      title: '{firm} 邀请你查阅案件 {number}',
      body: '{name}你好，我是{firm}的{actor}。我邀请你通过以下链接查阅案件 {number}“{caseTitle}”的文件：\n{url}\n打开链接后，页面会先显示本所名称、我的名字和案件编号，然后向 {contact} 发送一次性 6 位数字验证码，以确认是你本人。链接在 {until}（香港时间）前有效。请勿将链接或验证码转给他人。',
    },
    invitationCode: {
      title: '{firm} 验证码',
      body: '你的验证码是 {code}，{minutes} 分钟内有效，用于接受 {actor}（{firm}）就案件 {number} 发出的邀请。请勿将验证码告诉任何人，包括自称本所工作人员的人。',
    },
  },
  en: {
    invitationToYou: {
      title: '{firm}: {actor} invites you to case {number}',
      body: '{actor} of {firm} invites you to the case room of {number} {caseTitle}. When you open the link, a one-time 6-digit code is sent to you to confirm it is you. The link works until {until} (Hong Kong time).',
    },
    invitationMessage: {
      title: '{firm} invites you to case {number}',
      body: 'Dear {name}, this is {actor} of {firm}. I invite you to view the documents of case {number} {caseTitle} here:\n{url}\nThe page first shows our firm, my name and the case number, then sends a one-time 6-digit code to {contact} to confirm it is you. The link works until {until} (Hong Kong time). Please do not pass the link or the code on to anyone.',
    },
    invitationCode: {
      title: '{firm} verification code',
      body: 'Your code is {code}. It works for {minutes} minutes, to accept the invitation of {actor} ({firm}) to case {number}. Never tell anyone this code, not even someone who says they work for the firm.',
    },
  },
})
