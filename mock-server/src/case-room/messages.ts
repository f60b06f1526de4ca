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
