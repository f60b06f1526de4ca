import type { PortalComment, PortalDeadline, PortalHearing, PortalReport, PortalToday } from '../portal'

type CaseRef = PortalHearing['case']
const HCA: CaseRef = {
  id: 'case-hca-1234' as CaseRef['id'],
  number: 'HCA 1234/2026',
  title: '謝家輝 訴 東方貿易有限公司 (合約糾紛) Tse Ka-fai v Oriental Trading Ltd',
}

/** Today's hearing of the demo case HCA 1234/2026, 14:30 in Hong Kong on Monday 2 March 2026. Test-only. */
export function makePortalHearing(o: Partial<PortalHearing> = {}): PortalHearing {
  return {
    id: 'hr-today' as PortalHearing['id'],
    case: HCA,
    court: 'Court of First Instance 原訟法庭',
    courtroom: '13',
    type: 'interlocutory',
    title: null,
    startsAt: '2026-03-02T14:30:00+08:00',
    endsAt: '2026-03-02T15:30:00+08:00',
    ...o,
  }
}

/** An open deadline of HCA 1234/2026 due Thursday 5 March 2026. Test-only. */
export function makePortalDeadline(o: Partial<PortalDeadline> = {}): PortalDeadline {
  return {
    id: 'dl-soon' as PortalDeadline['id'],
    case: HCA,
    title: 'File the list of documents',
    dueOn: '2026-03-05',
    overdue: false,
    ...o,
  }
}

/** The client's comment in the shared area of HCA 1234/2026, two hours before 10:00 on 2 March 2026. Test-only. */
export function makePortalComment(o: Partial<PortalComment> = {}): PortalComment {
  return {
    id: 'cmt-1',
    case: HCA,
    authorName: '謝家輝 Tse Ka-fai',
    authorRole: 'client',
    excerpt: 'When is the next hearing?',
    on: { type: 'thread', tier: 'public' },
    createdAt: '2026-03-02T00:00:00.000Z',
    ...o,
  }
}

/** A new report of a fake "DingTalk support" caller. Test-only. */
export function makePortalReport(o: Partial<PortalReport> = {}): PortalReport {
  return {
    id: 'rep-1' as PortalReport['id'],
    identifierKind: 'phone',
    identifierDisplay: '+852 6123 4567',
    verdict: 'no_record',
    status: 'new',
    urgent: false,
    reporterName: '李嘉欣 Lee Ka-yan',
    receivedAt: '2026-03-02T01:00:00.000Z',
    ...o,
  }
}

/** A "today" answer for Monday 2 March 2026, 10:00 in Hong Kong, with every section empty unless given. Test-only. */
export function makePortalToday(o: Partial<PortalToday> = {}): PortalToday {
  return {
    now: '2026-03-02T02:00:00.000Z',
    today: '2026-03-02',
    hearings: { items: [], total: 0 },
    deadlines: { items: [], total: 0, overdue: 0 },
    comments: { items: [], total: 0, since: '2026-02-23T02:00:00.000Z' },
    triage: null,
    ...o,
  }
}
