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
  },
  'zh-CN': {
    hearingReminder: {
      title: '法庭日程提醒: {type} {when}',
      body: '{courtCaseNumber} · {type}\n{time} · {court}{courtroom}{judge}',
    },
    deadlineReminder: { title: '法庭日程提醒: 期限 {when}', body: '{caseNumber} · {title}\n到期日: {dueOn}{citation}' },
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

/** The reminder of a hearing or deadline `daysBefore` days ahead (0: today), in one language. */
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
  return courtCalendarText(locale, 'deadlineReminder', {
    when,
    caseNumber: item.caseNumber,
    title: item.title,
    dueOn: item.dueOn,
    citation: item.citation ? `\n${w.citation}: ${item.citation}` : '',
  })
}
