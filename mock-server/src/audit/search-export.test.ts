import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsvRow, type AuditListEntry } from '@suite/domain'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { appendAudit } from './log'

let t: TestApp
let officer: TestCredentials
beforeAll(async () => {
  t = await createTestApp()
  officer = await t.signIn('u-ng')
  const at = new Date(Date.UTC(2026, 0, 3, 2, 30))
  await t.db.tx(async (q) => {
    await appendAudit(
      q,
      { actorId: 'u-lee', actorName: '李嘉欣 Lee Ka-yan', action: 'document.download', caseId: 'case-hca-1234' },
      at,
    )
    await appendAudit(
      q,
      { actorId: 'u-ho', actorName: '何志強 Ho Chi-keung', action: 'case.update', caseId: 'case-dccj-5678' },
      at,
    )
  })
})
afterAll(async () => {
  await t.close()
})

const search = async (q: string): Promise<AuditListEntry[]> => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/audit?${new URLSearchParams({ q, limit: '500' })}`,
    headers: officer.headers,
  })
  expect(res.statusCode).toBe(200)
  return (res.json() as { items: AuditListEntry[] }).items
}

describe('audit search by what people know', () => {
  it('finds entries by case number as written, spaces and case aside, and names the case', async () => {
    for (const q of ['HCA 1234/2026', 'hca1234/2026']) {
      const found = await search(q)
      expect(found.length).toBeGreaterThan(0)
      expect(found.every((e) => e.caseId === 'case-hca-1234')).toBe(true)
      expect(found[0]).toMatchObject({ caseNumber: 'HCA 1234/2026', caseTitle: expect.stringContaining('Tse Ka-fai') })
    }
  })

  it('finds entries by case title and by a person’s name, with the department', async () => {
    expect((await search('東方貿易')).some((e) => e.caseId === 'case-hca-1234')).toBe(true)
    const byName = await search('李嘉欣')
    expect(byName.length).toBeGreaterThan(0)
    expect(byName.every((e) => e.actorName?.includes('李嘉欣'))).toBe(true)
    expect(byName[0]!.actorDepartment).toBe('Litigation')
    expect(await search('Nobody Such')).toEqual([])
  })

  it('takes a typed % or _ literally', async () => {
    expect(await search('%')).toEqual([])
  })
})

describe('audit export times', () => {
  for (const [locale, header] of [
    ['zh-HK', '時間 (香港時間, UTC+8)'],
    ['en', 'At (Hong Kong time, UTC+8)'],
  ] as const) {
    it(`a CSV export (${locale}) gives Hong Kong time and says so, with the UTC time beside it`, async () => {
      await t.db.query('UPDATE users SET locale = $1 WHERE id = $2', [locale, 'u-ng'])
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/audit/export?from=2026-01-03&to=2026-01-03&format=csv',
        headers: officer.headers,
      })
      expect(res.statusCode).toBe(200)
      const [head, first] = res.body.split('\n')
      expect(parseCsvRow(head!).slice(1, 3)).toEqual([header, expect.stringContaining('UTC')])
      expect(first).toContain('2026-01-03 10:30:00')
      expect(first).toContain('2026-01-03T02:30:00.000Z')
    })
  }

  it('a JSON export gives each entry and the manifest in Hong Kong time too', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit/export?from=2026-01-03&to=2026-01-03&format=json',
      headers: officer.headers,
    })
    const doc = res.json() as { entries: { at: string; atHongKong: string }[]; manifest: { timeZone: string } }
    expect(doc.entries[0]).toMatchObject({ at: '2026-01-03T02:30:00.000Z', atHongKong: '2026-01-03 10:30:00' })
    expect(doc.manifest.timeZone).toContain('Hong_Kong')
  })
})
