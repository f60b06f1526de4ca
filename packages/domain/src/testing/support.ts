import type { SupportReport, TriageReport } from '../support'

/** A staff member's report of a call from someone posing as DingTalk support, received and not yet triaged. Test-only. */
export function makeSupportReport(overrides: Partial<SupportReport> = {}): SupportReport {
  return {
    id: 'rep_1' as SupportReport['id'],
    status: 'new',
    identifierKind: 'phone',
    identifier: '+852 6123 4567',
    identifierKey: 'phone:+85261234567',
    identifierDisplay: '+852 6123 4567',
    channel: 'call',
    claimedIdentity: 'dingtalk_support',
    askedFor: [],
    complied: 'no',
    lossAmount: null,
    lossCurrency: null,
    occurredOn: null,
    message: '',
    details: '',
    platform: '',
    extra: {},
    attachments: [],
    verdict: 'suspicious',
    reasons: [],
    formVersion: 1,
    campaignId: null,
    reporterId: 'u-cheung',
    reporterName: 'Cheung',
    department: 'Litigation',
    assigneeId: null,
    assigneeName: null,
    duplicateOf: null,
    resolution: null,
    urgent: false,
    reportedAt: '2026-11-20T02:00:00.000Z',
    receivedAt: '2026-11-20T02:00:01.000Z',
    updatedAt: '2026-11-20T02:00:01.000Z',
    decidedAt: null,
    ...overrides,
  }
}

/** {@link makeSupportReport} as the triage console lists it, with IT's notes (none yet). Test-only. */
export function makeTriageReport(overrides: Partial<TriageReport> = {}): TriageReport {
  return { ...makeSupportReport(overrides), notes: [], ...overrides }
}
