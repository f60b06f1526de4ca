import type { ClassificationReport, ClassificationReportSummary } from '../classifier'
import { DEMO_ORG } from './demo'

/** A saved classification report as listed: three sources, one of each label, one stored across the border. Test-only. */
export function makeClassificationReportSummary(
  id = 'a',
  overrides: Partial<ClassificationReportSummary> = {},
): ClassificationReportSummary {
  return {
    id,
    title: `Scan ${id}`,
    home: 'hong_kong',
    policyVersion: 0,
    scannedAt: '2025-04-17T02:00:00.000Z',
    createdBy: 'u-lee',
    createdByName: 'Lee',
    createdAt: '2025-04-17T02:05:00.000Z',
    orgName: DEMO_ORG.name,
    sourceCount: 3,
    labels: { public: 1, internal: 1, confidential: 1 },
    crossBorderCount: 1,
    ...overrides,
  }
}

/** A saved classification report with its sources (the same three as the summary: one of each label, one abroad). Test-only. */
export function makeClassificationReport(
  id = 'a',
  overrides: Partial<ClassificationReport> = {},
): ClassificationReport {
  const { sourceCount: _n, labels: _l, crossBorderCount: _c, ...base } = makeClassificationReportSummary(id)
  const counts = (hk_id: number, phone: number) => ({
    hk_id,
    mo_id: 0,
    cn_id: 0,
    credit_card: 0,
    phone,
    email: 0,
    keyword: 0,
  })
  return {
    ...base,
    sources: [
      {
        name: 'client-ids.xlsx',
        kind: 'file',
        sizeBytes: 2048,
        suggestedLabel: 'confidential',
        label: 'confidential',
        justification: null,
        counts: counts(2, 0),
        dismissed: 0,
        samples: [{ type: 'hk_id', masked: 'A123***(*)' }],
        storedIn: 'hong_kong',
        reach: 'internal',
        crossBorder: false,
      },
      {
        name: 'contacts.csv',
        kind: 'file',
        sizeBytes: 512,
        suggestedLabel: 'internal',
        label: 'internal',
        justification: null,
        counts: counts(0, 3),
        dismissed: 1,
        samples: [{ type: 'phone', masked: '+852 9***-**67' }],
        storedIn: 'mainland',
        reach: 'external',
        crossBorder: true,
      },
      {
        name: 'menu.txt',
        kind: 'pasted',
        sizeBytes: 64,
        suggestedLabel: 'public',
        label: 'public',
        justification: null,
        counts: counts(0, 0),
        dismissed: 0,
        samples: [],
        storedIn: 'hong_kong',
        reach: 'internal',
        crossBorder: false,
      },
    ],
    ...overrides,
  }
}
