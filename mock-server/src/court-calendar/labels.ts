import { BARE_COURTROOM, type HearingType, type Locale } from '@suite/domain'

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

/** Short words the server writes into events, the feed and messages. */
export interface Words {
  /** The feed's name. */
  calendar: string
  deadline: string
  judge: string
  courtroom: string
  citation: string
  synced: string
  cancelled: string
  /** "today", "tomorrow", "in N days". */
  inDays: (n: number) => string
  /** A court and its courtroom as one place: `High Court, Courtroom 7`, `高等法院 第 7 號法庭`. */
  place: (court: string, courtroom: string | null) => string
}

/** Join a court and a courtroom: a bare number gets the word for courtroom, a phrase is kept as written. */
const placeOf =
  (room: (court: string, n: string) => string, sep: string) =>
  (court: string, courtroom: string | null): string => {
    const r = courtroom?.trim()
    if (!r) return court
    return BARE_COURTROOM.test(r) ? room(court, r) : `${court}${sep}${r}`
  }

/** {@link Words} in each language. */
export const WORDS: Record<Locale, Words> = {
  'zh-HK': {
    calendar: '法庭日程',
    deadline: '限期',
    judge: '法官',
    courtroom: '法庭',
    citation: '依據',
    synced: '由「法庭日程」同步',
    inDays: (n) => (n === 0 ? '今天' : n === 1 ? '明天' : `${n} 天後`),
    place: placeOf((c, n) => `${c} 第 ${n} 號法庭`, '，'),
    cancelled: '已取消',
  },
  'zh-CN': {
    calendar: '法庭日程',
    deadline: '期限',
    judge: '法官',
    courtroom: '法庭',
    citation: '依据',
    synced: '由「法庭日程」同步',
    inDays: (n) => (n === 0 ? '今天' : n === 1 ? '明天' : `${n} 天后`),
    place: placeOf((c, n) => `${c} 第 ${n} 号法庭`, '，'),
    cancelled: '已取消',
  },
  en: {
    calendar: 'Court calendar',
    deadline: 'Deadline',
    judge: 'Judge',
    courtroom: 'Courtroom',
    citation: 'Rule',
    synced: 'Synced by Court Calendar',
    inDays: (n) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`),
    place: placeOf((c, n) => `${c}, Courtroom ${n}`, ', '),
    cancelled: 'Cancelled',
  },
}
