import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import { CreateClassificationReport } from '@suite/domain'
import { describe, expect, it } from 'vitest'
import { findingsOf } from '../testing/helpers'
import { csvCell } from '@suite/domain'
import { findingsCsv, reportCsv } from './csv'
import { buildReport } from './report'
import type { WizardSource } from './types'

const RAW = ['A123456(3)', '11010519491231002X', '4111 1111 1111 1111', '9123 4567', 'chan@example.com']

async function source(over: Partial<WizardSource>, text: string): Promise<WizardSource> {
  return {
    id: 's1',
    name: 'notes.txt',
    kind: 'file',
    size: 100,
    file: null,
    text: null,
    status: 'done',
    error: null,
    chars: text.length,
    findings: await findingsOf(text),
    label: null,
    justification: '',
    storedIn: 'hong_kong',
    reach: 'internal',
    ...over,
  }
}

describe('buildReport', () => {
  it('sends counts, labels and masked samples only, with names and justifications redacted', async () => {
    const a = await source(
      { name: '客戶_A123456(3).txt' },
      '身份證 A123456(3)，內地 11010519491231002X，卡 4111 1111 1111 1111，電話 +852 9123 4567，chan@example.com 合約',
    )
    const b = await source(
      {
        id: 's2',
        name: 'chat.json',
        kind: 'chat_export',
        storedIn: 'mainland',
        reach: 'external',
        label: 'internal',
        justification: '測試資料 A123456(3)',
      },
      '身份證 A123456(3)',
    )
    const c = await source({ id: 's3', status: 'failed' }, 'A123456(3)')
    const report = buildReport(
      { title: 'Q2', home: 'hong_kong', sources: [a, b, c], scannedAt: '2025-04-17T02:00:00.000Z' },
      DEFAULT_LABEL_POLICY,
      3,
    )
    expect(CreateClassificationReport.parse(report)).toBeTruthy()
    const json = JSON.stringify(report)
    for (const raw of RAW) expect(json).not.toContain(raw)
    expect(report.policyVersion).toBe(3)
    expect(report.sources).toHaveLength(2)
    expect(report.sources[0]).toMatchObject({
      name: '客戶_A123***(*).txt',
      suggestedLabel: 'confidential',
      label: 'confidential',
      justification: null,
      counts: { hk_id: 1, cn_id: 1, credit_card: 1, phone: 1, email: 1 },
      crossBorder: false,
    })
    expect(report.sources[0]!.samples.map((s) => s.masked)).toContain('A123***(*)')
    expect(report.sources[1]).toMatchObject({
      label: 'internal',
      justification: '測試資料 A123***(*)',
      crossBorder: true,
      reach: 'external',
    })
  })

  it('leaves dismissed findings out of counts and the suggestion', async () => {
    const s = await source({}, 'A123456(3)')
    s.findings[0]!.dismissed = { reason: 'test_data', note: '' }
    const [r] = buildReport({ title: 'x', home: 'macau', sources: [s], scannedAt: null }, DEFAULT_LABEL_POLICY, 0, {
      now: () => new Date('2025-01-01T00:00:00Z'),
    }).sources
    expect(r).toMatchObject({
      suggestedLabel: 'public',
      label: 'public',
      dismissed: 1,
      counts: { hk_id: 0 },
      samples: [],
      crossBorder: true,
    })
  })
})

describe('CSV', () => {
  it('quotes, neutralises formulas and starts with a BOM', async () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell(null)).toBe('')
    const s = await source({ name: '合約, A123456(3).txt' }, 'A123456(3) 合約')
    const report = buildReport(
      { title: 't', home: 'hong_kong', sources: [s], scannedAt: null },
      DEFAULT_LABEL_POLICY,
      0,
    )
    const csv = reportCsv(report)
    expect(csv.startsWith('\uFEFFsource,kind,size_bytes,suggested_label,label')).toBe(true)
    expect(csv).toContain(
      '"合約, A123***(*).txt",file,100,confidential,confidential,,1,0,0,0,0,0,1,0,hong_kong,internal,false,A123***(*) | 合約',
    )
    const f = findingsCsv([s])
    expect(f).not.toContain('A123456')
    expect(f).toContain('hk_id,,A123***(*),0.7')
  })
})
