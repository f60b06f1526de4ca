import type { HearingType, Locale } from '@suite/domain'
import { catalogue, type Text } from '../jobs/messages'
import { HEARING_TYPE_LABELS, WORDS } from './labels'

/**
 * What the court calendar tells people (work-notification reminders), in the recipient's
 * language. Case numbers, courts, judges and titles come in as parameters; the optional
 * lines (courtroom, judge, rule) are filled in with the words of `labels.ts` or left empty.
 */
export const courtCalendarText = catalogue({
  'zh-HK': {
    hearingReminder: {
      title: '法庭日程提醒: {type} {when}',
      body: '{courtCaseNumber} · {type}\n{time} · {court}{courtroom}{judge}',
    },
    deadlineReminder: { title: '法庭日程提醒: 限期 {when}', body: '{caseNumber} · {title}\n到期日: {dueOn}{citation}' },
    deadlineOverdue: {
      title: '法庭日程: 限期已過期',
      body: '{caseNumber} · {title}\n到期日: {dueOn}（香港時間）已過，仍未完成。請即處理，或記錄為已完成或已錯過。{citation}',
    },
    pastDue: {
      title: '到期日已過',
      body: '到期日 {dueOn} 已經過去（香港時間）。請選擇記錄為已完成、已錯過，或保持未完成（已過期）。',
    },
  },
  'zh-CN': {
    hearingReminder: {
      title: '法庭日程提醒: {type} {when}',
      body: '{courtCaseNumber} · {type}\n{time} · {court}{courtroom}{judge}',
    },
    deadlineReminder: { title: '法庭日程提醒: 期限 {when}', body: '{caseNumber} · {title}\n到期日: {dueOn}{citation}' },
    deadlineOverdue: {
      title: '法庭日程: 期限已逾期',
      body: '{caseNumber} · {title}\n到期日: {dueOn}（香港时间）已过，仍未完成。请立即处理，或记录为已完成或已错过。{citation}',
    },
    pastDue: {
      title: '到期日已过',
      body: '到期日 {dueOn} 已经过去（香港时间）。请选择记录为已完成、已错过，或保持未完成（已逾期）。',
    },
  },
  en: {
    hearingReminder: {
      title: 'Court calendar reminder: {type} {when}',
      body: '{courtCaseNumber} · {type}\n{time} · {court}{courtroom}{judge}',
    },
    deadlineReminder: {
      title: 'Court calendar reminder: Deadline {when}',
      body: '{caseNumber} · {title}\nDue: {dueOn}{citation}',
    },
    deadlineOverdue: {
      title: 'Court calendar: Deadline overdue',
      body: '{caseNumber} · {title}\nDue {dueOn} (Hong Kong time) has passed and it is still open. Act now, or record it as done or missed.{citation}',
    },
    pastDue: {
      title: 'Date already past',
      body: 'The date {dueOn} has already passed (Hong Kong time). Choose to record it as done, as missed, or keep it open as overdue.',
    },
  },
})

/** A hearing a reminder is about; `time` is `YYYY-MM-DD HH:MM` in Hong Kong. */
export interface HearingReminder {
  kind: 'hearing'
  courtCaseNumber: string
  type: HearingType
  time: string
  court: string
  courtroom: string | null
  judge: string | null
}

/** A deadline a reminder is about. */
export interface DeadlineReminder {
  kind: 'deadline'
  caseNumber: string
  title: string
  dueOn: string
  citation: string | null
}

/** The field error of a new deadline whose date has passed and no choice was given, in one language. */
export function pastDueMessage(locale: Locale, dueOn: string): string {
  return courtCalendarText(locale, 'pastDue', { dueOn }).body
}

/**
 * The reminder of a hearing or deadline `daysBefore` days ahead (0: today), in one language;
 * a negative `daysBefore` is the "overdue" reminder of a deadline still open after its date.
 */
export function reminderText(locale: Locale, item: HearingReminder | DeadlineReminder, daysBefore: number): Text {
  const w = WORDS[locale]
  const when = w.inDays(daysBefore)
  if (item.kind === 'hearing') {
    return courtCalendarText(locale, 'hearingReminder', {
      type: HEARING_TYPE_LABELS[item.type][locale],
      when,
      courtCaseNumber: item.courtCaseNumber,
      time: item.time,
      court: item.court,
      courtroom: item.courtroom ? ` ${w.courtroom} ${item.courtroom}` : '',
      judge: item.judge ? `\n${w.judge}: ${item.judge}` : '',
    })
  }
  if (daysBefore < 0) {
    return courtCalendarText(locale, 'deadlineOverdue', {
      caseNumber: item.caseNumber,
      title: item.title,
      dueOn: item.dueOn,
      citation: item.citation ? `\n${w.citation}: ${item.citation}` : '',
    })
  }
  return courtCalendarText(locale, 'deadlineReminder', {
    when,
    caseNumber: item.caseNumber,
    title: item.title,
    dueOn: item.dueOn,
    citation: item.citation ? `\n${w.citation}: ${item.citation}` : '',
  })
}
