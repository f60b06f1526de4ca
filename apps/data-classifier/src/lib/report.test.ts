import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import { CreateClassificationReport } from '@suite/domain'
import { describe, expect, it } from 'vitest'
import { findingsOf } from '../testing/helpers'
import { csvCell } from '@suite/domain'
import { createI18n } from 'vue-i18n'
import { messages } from '../locales'
import { csvFileName, findingsCsv, reportCsv } from './csv'
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
    const csv = reportCsv(report, tIn('en'))
    expect(csv.startsWith('\uFEFFSource,Kind,Size (bytes),Suggested label,Label')).toBe(true)
    expect(csv).toContain(
      '"合約, A123***(*).txt",File,100,Confidential,Confidential,,1,0,0,0,0,0,1,0,Hong Kong,Internal only,No,A123***(*) | 合約',
    )
    const f = findingsCsv([s], tIn('en'))
    expect(f).not.toContain('A123456')
    expect(f).toContain('HK identity card,,A123***(*),70%')
  })

  it('is written in the reader’s language, headers and values, under a file name that names the report', async () => {
    const s = await source({ name: '合約.txt' }, '身份證 A123456(3) 合約')
    const report = buildReport(
      { title: '客戶檔案 / 第二季', home: 'hong_kong', sources: [s], scannedAt: '2026-03-31T17:30:00.000Z' },
      DEFAULT_LABEL_POLICY,
      0,
    )
    const csv = reportCsv(report, tIn('zh-HK'))
    const [head, row] = csv.replace('\uFEFF', '').split(/\r?\n/)
    expect(head).toBe(
      '來源,類別,大小 (位元組),建議標籤,標籤,理由,香港身份證,澳門身份證,內地身份證,支付卡,電話,電郵,關鍵字,已剔除的結果,存放地點,可接觸者,跨境,已遮蓋示例',
    )
    expect(row).toContain('合約.txt,檔案,')
    expect(row).toContain(',機密,機密,')
    expect(row).toContain(',香港,只限內部,否,')
    expect(csv).not.toMatch(/hk_id|confidential|hong_kong|internal|false/)
    const f = findingsCsv([s], tIn('zh-HK'))
    expect(f).toContain('香港身份證,,A123***(*),95%')
    expect(f).toContain('關鍵字,合約,合約,')
    // The Hong Kong date of the scan (01:30 on 1 April in Hong Kong), and the report's title.
    expect(csvFileName(report)).toBe('classification-客戶檔案-第二季-2026-04-01.csv')
    expect(csvFileName(report, 'findings')).toBe('classification-findings-客戶檔案-第二季-2026-04-01.csv')
  })
})

function tIn(locale: 'zh-HK' | 'zh-CN' | 'en') {
  return createI18n({ legacy: false, locale, messages }).global.t as (k: string, p?: Record<string, unknown>) => string
}
