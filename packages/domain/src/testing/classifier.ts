import type { ClassificationReportSummary } from '../classifier'

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
    sourceCount: 3,
    labels: { public: 1, internal: 1, confidential: 1 },
    crossBorderCount: 1,
    ...overrides,
  }
}
