import type {
  CourtAgenda,
  CourtCalendarOptions,
  Deadline,
  Hearing,
  RuleTemplate,
  TriggerEvent,
} from '../court-calendar'

/** A hearing of the demo case HCA 1234/2026 (Hong Kong times). Test-only. */
export function makeHearing(overrides: Partial<Hearing> = {}): Hearing {
  return {
    id: 'hr-1' as Hearing['id'],
    caseId: 'case-hca-1234' as Hearing['caseId'],
    caseNumber: 'HCA 1234/2026',
    caseTitle: '謝家輝 訴 東方貿易有限公司 (合約糾紛) Tse Ka-fai v Oriental Trading Ltd',
    courtCaseNumber: 'HCA 1234/2026',
    court: 'Court of First Instance 原訟法庭',
    judge: 'Hon Chan J',
    courtroom: '13',
    type: 'pre_trial_review',
    title: null,
    startsAt: '2026-04-08T10:00:00+08:00',
    endsAt: '2026-04-08T12:00:00+08:00',
    status: 'scheduled',
    lawyerIds: ['u-chan', 'u-lee'] as Hearing['lawyerIds'],
    notes: null,
    sequence: 0,
    source: 'manual',
    dependents: 0,
    sync: [
      {
        userId: 'u-chan' as Hearing['lawyerIds'][number],
        state: 'synced',
        syncedAt: '2026-03-02T02:05:00.000Z',
        lastError: null,
      },
      {
        userId: 'u-lee' as Hearing['lawyerIds'][number],
        state: 'pending',
        syncedAt: null,
        lastError: 'rate_limited: QPS limit exceeded (90002)',
      },
    ],
    createdAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    ...overrides,
  }
}

/**
 * The deadline of the DOMAIN.md worked example: 7 days after Thursday 17 April 2025 is
 * Wednesday 30 April 2025 (Easter and two weekends left out). Test-only.
 */
export function makeDeadline(overrides: Partial<Deadline> = {}): Deadline {
  return {
    id: 'dl-1' as Deadline['id'],
    caseId: 'case-hca-1234' as Deadline['caseId'],
    caseNumber: 'HCA 1234/2026',
    caseTitle: 'Tse Ka-fai v Oriental Trading Ltd',
    title: 'File the affirmation',
    kind: 'computed',
    dueOn: '2025-04-30',
    status: 'open',
    anchor: { type: 'date', date: '2025-04-17' },
    anchorDate: '2025-04-17',
    anchorStatus: 'active',
    rule: {
      period: 7,
      unit: 'days',
      direction: 'after',
      clear: false,
      ignoreShortPeriodRule: false,
      includeAnchorDay: false,
      closedDayRule: 'roll',
    },
    templateId: null,
    templateVersion: null,
    citation: null,
    working: {
      deadline: '2025-04-30',
      unadjusted: '2025-04-30',
      shortPeriodRule: true,
      warnings: [],
      counted: ['2025-04-22', '2025-04-23', '2025-04-24', '2025-04-25', '2025-04-28', '2025-04-29', '2025-04-30'],
      excluded: [
        {
          date: '2025-04-18',
          reason: 'general_holiday',
          name: 'Good Friday',
          nameZh: '耶穌受難節',
          rule: 'O.3 r.2(5)',
        },
        { date: '2025-04-19', reason: 'general_holiday', name: 'The day following Good Friday', rule: 'O.3 r.2(5)' },
        { date: '2025-04-20', reason: 'sunday', rule: 'O.3 r.2(5)' },
        { date: '2025-04-21', reason: 'general_holiday', name: 'Easter Monday', rule: 'O.3 r.2(5)' },
        { date: '2025-04-26', reason: 'saturday', rule: 'O.3 r.2(5)' },
        { date: '2025-04-27', reason: 'sunday', rule: 'O.3 r.2(5)' },
      ],
    },
    lawyerIds: ['u-lee'] as Deadline['lawyerIds'],
    notes: null,
    sequence: 0,
    dependents: 0,
    sync: [],
    createdAt: '2025-04-17T02:00:00.000Z',
    updatedAt: '2025-04-17T02:00:00.000Z',
    ...overrides,
  }
}

/** An agenda answer around the given items. Test-only. */
export function makeAgenda(o: Partial<CourtAgenda> = {}): CourtAgenda {
  return { from: '2026-04-06', to: '2026-05-03', hearings: [], deadlines: [], overdue: [], conflicts: [], ...o }
}

/** What `GET /court-calendar/options` answers a partner of the two demo cases (both editable). Test-only. */
export function makeCourtCalendarOptions(overrides: Partial<CourtCalendarOptions> = {}): CourtCalendarOptions {
  type CaseId = CourtCalendarOptions['cases'][number]['id']
  type UserId = CourtCalendarOptions['lawyers'][number]['id']
  return {
    cases: [
      {
        id: 'case-hca-1234' as CaseId,
        number: 'HCA 1234/2026',
        title: 'Tse Ka-fai v Oriental Trading Ltd',
        canEdit: true,
      },
      { id: 'case-hcmp-0420' as CaseId, number: 'HCMP 420/2025', title: 'Re Oriental Trading Ltd', canEdit: true },
    ],
    lawyers: [
      {
        id: 'u-chan' as UserId,
        name: '陳大文 Chan Tai-man',
        caseIds: ['case-hca-1234', 'case-hcmp-0420'] as CaseId[],
        hasDingTalk: true,
      },
      { id: 'u-lee' as UserId, name: '李嘉欣 Lee Ka-yan', caseIds: ['case-hca-1234'] as CaseId[], hasDingTalk: true },
    ],
    courts: ['Court of First Instance 原訟法庭'],
    isAdmin: false,
    ...overrides,
  }
}

/** The bundled template "service of a summons": 2 clear days before the hearing (RHC O.32 r.3). Test-only. */
export function makeRuleTemplate(overrides: Partial<RuleTemplate> = {}): RuleTemplate {
  return {
    id: 'summons-service',
    name: { 'zh-HK': '送達傳票（2整天）', 'zh-CN': '送达传票（2整天）', en: 'Service of a summons (2 clear days)' },
    citation: 'RHC O.32 r.3',
    period: 2,
    unit: 'days',
    direction: 'before',
    clear: true,
    ignoreShortPeriodRule: false,
    includeAnchorDay: false,
    closedDayRule: 'roll',
    anchorEvent: 'hearing',
    version: 0,
    source: 'bundled',
    archived: false,
    updatedAt: null,
    updatedBy: null,
    ...overrides,
  }
}

/** A trigger event of the demo case: the writ served on 2 March 2026. Test-only. */
export function makeTriggerEvent(overrides: Partial<TriggerEvent> = {}): TriggerEvent {
  return {
    id: 'tr-1' as TriggerEvent['id'],
    caseId: 'case-hca-1234' as TriggerEvent['caseId'],
    caseNumber: 'HCA 1234/2026',
    kind: 'writ_served',
    label: null,
    occurredOn: '2026-03-02',
    status: 'active',
    dependents: 0,
    createdAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    ...overrides,
  }
}
