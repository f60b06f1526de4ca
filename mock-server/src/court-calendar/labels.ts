import type { HearingType, Locale } from '@suite/domain'

/** Hearing types in the suite's languages (calendar events, reminders, the feed). */
export const HEARING_TYPE_LABELS: Record<HearingType, Record<Locale, string>> = {
  trial: { 'zh-HK': '審訊', 'zh-CN': '审讯', en: 'Trial' },
  interlocutory: { 'zh-HK': '非正審聆訊', 'zh-CN': '非正审聆讯', en: 'Interlocutory hearing' },
  case_management: { 'zh-HK': '案件管理會議', 'zh-CN': '案件管理会议', en: 'Case management conference' },
  pre_trial_review: { 'zh-HK': '審前覆核', 'zh-CN': '审前复核', en: 'Pre-trial review' },
  mention: { 'zh-HK': '提訊', 'zh-CN': '提讯', en: 'Mention' },
  chambers: { 'zh-HK': '內庭聆訊', 'zh-CN': '内庭聆讯', en: 'Chambers hearing' },
  appeal: { 'zh-HK': '上訴聆訊', 'zh-CN': '上诉聆讯', en: 'Appeal hearing' },
  judgment: { 'zh-HK': '頒佈判決', 'zh-CN': '颁布判决', en: 'Handing down of judgment' },
  other: { 'zh-HK': '聆訊', 'zh-CN': '聆讯', en: 'Hearing' },
}

/** Short words the server writes into events and messages. */
export const WORDS: Record<Locale, { deadline: string; judge: string; courtroom: string; citation: string; synced: string; reminder: string; inDays: (n: number) => string; due: string; cancelled: string }> = {
  'zh-HK': {
    deadline: '限期', judge: '法官', courtroom: '法庭', citation: '依據', synced: '由「法庭日程」同步', reminder: '法庭日程提醒',
    inDays: (n) => (n === 0 ? '今天' : n === 1 ? '明天' : `${n} 天後`), due: '到期日', cancelled: '已取消',
  },
  'zh-CN': {
    deadline: '期限', judge: '法官', courtroom: '法庭', citation: '依据', synced: '由「法庭日程」同步', reminder: '法庭日程提醒',
    inDays: (n) => (n === 0 ? '今天' : n === 1 ? '明天' : `${n} 天后`), due: '到期日', cancelled: '已取消',
  },
  en: {
    deadline: 'Deadline', judge: 'Judge', courtroom: 'Courtroom', citation: 'Rule', synced: 'Synced by Court Calendar', reminder: 'Court calendar reminder',
    inDays: (n) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`), due: 'Due', cancelled: 'Cancelled',
  },
}
