import type { CreateClassificationReport, LabelPolicyInput, ReportSource } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import { createTestApp, publishAsAdmin, type TestApp, type TestCredentials } from '../testing'

let t: TestApp
let staff: TestCredentials
let associate: TestCredentials
let compliance: TestCredentials
let client: TestCredentials
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.signIn('u-cheung')
  associate = await t.signIn('u-lee')
  compliance = await t.signIn('u-ng')
  client = await t.signIn('u-client-tse')
})
afterAll(async () => {
  await t.close()
})

const counts = { hk_id: 2, mo_id: 0, cn_id: 0, credit_card: 1, phone: 3, email: 0, keyword: 4 }
function source(over: Partial<ReportSource> = {}): ReportSource {
  return {
    name: '客戶資料_A123***(*).docx',
    kind: 'file',
    sizeBytes: 2048,
    suggestedLabel: 'confidential',
    label: 'confidential',
    justification: null,
    counts,
    dismissed: 1,
    samples: [
      { type: 'hk_id', masked: 'A123***(*)' },
      { type: 'credit_card', masked: '**** **** **** 1111' },
      { type: 'phone', masked: '+852 9*** **67' },
      { type: 'keyword', masked: '合約' },
    ],
    storedIn: 'hong_kong',
    reach: 'internal',
    crossBorder: false,
    ...over,
  }
}
function report(over: Partial<CreateClassificationReport> = {}): CreateClassificationReport {
  return {
    title: '2025 Q2 資料盤點',
    home: 'hong_kong',
    policyVersion: 0,
    scannedAt: '2025-04-17T02:00:00.000Z',
    sources: [source()],
    ...over,
  }
}
const post = (who: TestCredentials, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object })
const get = (who: TestCredentials, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers })

describe('classification reports', () => {
  it('saves counts, labels and masked samples, and audits it', async () => {
    const res = await post(
      staff,
      '/api/classifier/reports',
      report({
        sources: [
          source(),
          source({
            name: 'chat.json',
            kind: 'chat_export',
            storedIn: 'mainland',
            crossBorder: true,
            reach: 'external',
            label: 'internal',
            justification: 'Contacts only; the IDs were test data',
            samples: [],
          }),
        ],
      }),
    )
    expect(res.statusCode).toBe(201)
    const r = res.json()
    expect(r).toMatchObject({
      title: '2025 Q2 資料盤點',
      createdBy: 'u-cheung',
      sources: [{ name: '客戶資料_A123***(*).docx' }, { crossBorder: true, label: 'internal' }],
    })
    const audit = await t.db.query<{ action: string; detail: Record<string, unknown> }>(
      'SELECT action, detail FROM audit_log WHERE target_id = $1',
      [r.id],
    )
    expect(audit.rows).toEqual([
      {
        action: 'classifier.report.create',
        detail: expect.objectContaining({
          sources: 2,
          crossBorder: 1,
          belowSuggestion: 1,
          labels: { public: 0, internal: 1, confidential: 1 },
          findings: expect.objectContaining({ hk_id: 4 }),
        }),
      },
    ])
  })

  it.each([
    ['an HKID in a sample', { samples: [{ type: 'hk_id', masked: 'A123456(3)' }] }, 'sources.0.samples.0.masked'],
    ['an HKID with full-width brackets in a name', { name: '陳大文 A123456（3）.pdf' }, 'sources.0.name'],
    [
      'a mainland ID in a justification',
      { label: 'internal', justification: 'ID 11010519491231002X is a test value' },
      'sources.0.justification',
    ],
    [
      'a card number',
      { samples: [{ type: 'credit_card', masked: '4111 1111 1111 1111' }] },
      'sources.0.samples.0.masked',
    ],
    [
      'a phone with its country code',
      { samples: [{ type: 'phone', masked: '+852 9123 4567' }] },
      'sources.0.samples.0.masked',
    ],
    ['an email', { name: 'from chan.tm@example.com' }, 'sources.0.name'],
    [
      'a personal-data sample with no mask',
      { samples: [{ type: 'phone', masked: '91234567' }] },
      'sources.0.samples.0.masked',
    ],
  ] as const)('refuses %s without repeating it, and stores nothing', async (_what, over, path) => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM classification_reports')).rows[0]!.n
    const res = await post(
      staff,
      '/api/classifier/reports',
      report({ sources: [source(over as Partial<ReportSource>)] }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path)
    expect(res.body).not.toMatch(/A123456|11010519491231002X|4111 1111|9123 4567|91234567|chan\.tm@/)
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM classification_reports')).rows[0]!.n).toBe(
      before,
    )
  })

  it('refuses a lower label without justification and a wrong cross-border flag', async () => {
    const low = await post(staff, '/api/classifier/reports', report({ sources: [source({ label: 'public' })] }))
    expect(low.statusCode).toBe(400)
    expect(low.json().error.fields[0].path).toBe('sources.0.justification')
    const flag = await post(
      staff,
      '/api/classifier/reports',
      report({ sources: [source({ storedIn: 'overseas', crossBorder: false })] }),
    )
    expect(flag.statusCode).toBe(400)
    expect(flag.json().error.fields[0].path).toBe('sources.0.crossBorder')
  })

  it('lets people read their own reports and administrators all; outside parties none', async () => {
    const mine = (await post(associate, '/api/classifier/reports', report({ title: 'Lee’s scan' }))).json()
    expect((await get(associate, `/api/classifier/reports/${mine.id}`)).statusCode).toBe(200)
    expect((await get(staff, `/api/classifier/reports/${mine.id}`)).statusCode).toBe(404)
    expect((await get(compliance, `/api/classifier/reports/${mine.id}`)).statusCode).toBe(200)
    const ownList = (await get(associate, '/api/classifier/reports')).json()
    expect(ownList.items.map((r: { createdBy: string }) => r.createdBy)).toEqual(['u-lee'])
    expect(ownList.items[0]).toMatchObject({
      sourceCount: 1,
      labels: { confidential: 1, internal: 0, public: 0 },
      crossBorderCount: 0,
    })
    const all = (await get(compliance, '/api/classifier/reports?limit=1')).json()
    expect(all.items).toHaveLength(1)
    expect(all.nextCursor).not.toBeNull()
    const next = (await get(compliance, `/api/classifier/reports?limit=50&cursor=${all.nextCursor}`)).json()
    expect(next.items.map((r: { id: string }) => r.id)).not.toContain(all.items[0].id)
    expect((await post(client, '/api/classifier/reports', report())).statusCode).toBe(403)
    expect((await get(client, '/api/classifier/policies/active')).statusCode).toBe(403)
  })

  it('says who made a report and for which firm, in the saved answer, the list and the reopened report', async () => {
    const made = (await post(associate, '/api/classifier/reports', report({ title: 'Who and where' }))).json()
    const who = { createdBy: 'u-lee', createdByName: '李嘉欣 Lee Ka-yan', orgName: '陳黃律師行 Chan & Wong Solicitors' }
    expect(made).toMatchObject(who)
    expect((await get(associate, `/api/classifier/reports/${made.id}`)).json()).toMatchObject(who)
    const listed = (await get(associate, '/api/classifier/reports')).json().items
    expect(listed.find((r: { id: string }) => r.id === made.id)).toMatchObject(who)
  })
})

describe('the label policy, a low-code document (classification_policy/default)', () => {
  const policy: LabelPolicyInput = {
    schemaVersion: 1,
    defaultLabel: 'internal',
    rules: [{ id: 'ids', label: 'confidential', conditions: [{ type: 'hk_id' }, { type: 'cn_id' }] }],
  }

  it('runs the built-in policy, published by the system at start as version 1; version 0 stays the built-in one of older reports', async () => {
    expect((await get(staff, '/api/classifier/policies/active')).json()).toMatchObject({
      version: 1,
      policy: DEFAULT_LABEL_POLICY,
      createdBy: null,
      createdByName: 'system',
    })
    expect((await get(staff, '/api/classifier/policies/0')).json()).toMatchObject({
      version: 0,
      policy: DEFAULT_LABEL_POLICY,
      createdAt: null,
    })
  })

  it('has no write route of its own: administrators publish in the document store (step-up), and the classifier serves it at once', async () => {
    expect((await post(compliance, '/api/classifier/policies', { policy, note: 'stricter' })).statusCode).toBe(404)
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/lowcode/documents/classification_policy/default/draft',
      headers: staff.headers,
      payload: { body: policy },
    })
    expect(denied.statusCode).toBe(403)
    const v2 = await publishAsAdmin(t, compliance, 'classification_policy', 'default', policy)
    expect(v2.version).toBe(2)
    expect((await get(staff, '/api/classifier/policies/active')).json()).toMatchObject({
      version: 2,
      createdBy: 'u-ng',
      policy: { defaultLabel: 'internal', rules: [{ match: 'any', conditions: [{ minCount: 1 }, { minCount: 1 }] }] },
    })
    const v3 = await publishAsAdmin(t, compliance, 'classification_policy', 'default', {
      ...policy,
      defaultLabel: 'public',
    })
    expect(v3.version).toBe(3)
    expect((await get(staff, '/api/classifier/policies/active')).json()).toMatchObject({
      version: 3,
      policy: { defaultLabel: 'public' },
    })
    expect((await get(staff, '/api/classifier/policies/2')).json()).toMatchObject({
      version: 2,
      policy: { defaultLabel: 'internal' },
    })
    expect((await get(staff, '/api/classifier/policies/9')).statusCode).toBe(404)
    expect((await get(staff, '/api/classifier/policies')).statusCode).toBe(403)
    expect(
      (await get(compliance, '/api/classifier/policies')).json().items.map((v: { version: number }) => v.version),
    ).toEqual([3, 2, 1, 0])
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_type = 'classification_policy' AND action = 'lowcode.published'",
    )
    expect(audit.rows).toHaveLength(3)

    // A report names the policy version its suggestions came from: an unknown one is refused.
    expect((await post(staff, '/api/classifier/reports', report({ policyVersion: 3 }))).statusCode).toBe(201)
    const unknown = await post(staff, '/api/classifier/reports', report({ policyVersion: 42 }))
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.fields).toEqual([
      expect.objectContaining({ path: 'policyVersion', code: 'unknown_version' }),
    ])
  })

  it('rejects an invalid policy with field errors under body.*', async () => {
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/lowcode/documents/classification_policy/default/draft',
      headers: compliance.headers,
      payload: { body: { ...policy, rules: [{ id: 'x', label: 'secret', conditions: [] }] } },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['body.rules.0.label', 'body.rules.0.conditions']),
    )
  })
})
