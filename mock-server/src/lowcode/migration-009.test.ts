import { BASE_REPORT_FORM } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLED_TEMPLATES } from '@suite/court-rules'
import { loadMigrations, migrate } from '../db/migrate'
import { seedDemo } from '../seed'
import {
  createTestApp,
  openTestDb,
  publishAsAdmin,
  stepUpWithDingTalk,
  type TestApp,
  type TestCredentials,
} from '../testing'
import { COURT_TEST_ENV } from '../court-calendar/test-helpers'
import { reportValues, submitReport } from '../support/test-helpers'
import { bodyHash } from './documents'

/*
 * Migration 009 moves the support form versions, the label policy versions and the rule
 * template versions out of their areas' tables into the low-code document store, keeping the
 * version numbers, and drops the tables. A database of before is filled, migrated, then served.
 */

const T0 = new Date('2026-02-02T02:00:00Z')
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000)
const extra = {
  name: 'clientMatter',
  type: 'text',
  maxLength: 40,
  label: { 'zh-HK': '相關案件', 'zh-CN': '相关案件', en: 'Related "matter"\n(optional) \\ 案' },
}
const policyV1 = {
  schemaVersion: 1,
  defaultLabel: 'internal',
  rules: [
    {
      id: 'ids',
      label: 'confidential',
      match: 'any',
      conditions: [{ type: 'hk_id', minCount: 1, minConfidence: 0.85 }],
    },
  ],
}
const policyV2 = { ...policyV1, defaultLabel: 'public' }
const reply = {
  name: { 'zh-HK': '送達答覆書', 'zh-CN': '送达答复书', en: 'Service of reply' },
  period: 21,
  unit: 'days',
  direction: 'after',
  clear: false,
  ignoreShortPeriodRule: false,
  includeAnchorDay: false,
  closedDayRule: 'roll',
  anchorEvent: 'defence_served',
  citation: 'RHC O.18 r.3(4) (firm practice)',
}
/** The bundled text again, as an administrator who restored it saved it. */
const { id: _id, ...bundledReply } = BUNDLED_TEMPLATES.find((b) => b.id === 'reply')!
const custom = {
  ...reply,
  name: { 'zh-HK': '文件清單', 'zh-CN': '文件清单', en: 'List of documents' },
  period: 14,
  anchorEvent: 'other',
  citation: 'RHC O.24 r.2',
}

let t: TestApp
let admin: TestCredentials
beforeAll(async () => {
  const all = await loadMigrations()
  const db = await openTestDb({ migrations: all.filter((m) => m.version < 9) })
  await seedDemo(db, T0)
  const q = (sql: string, params: unknown[]) => db.query(sql, params)
  await q(
    'INSERT INTO support_form_versions (version, schema, published_by, published_at) VALUES (1, $1::jsonb, NULL, $2), (2, $3::jsonb, $4, $5)',
    [
      JSON.stringify(BASE_REPORT_FORM),
      at(0),
      JSON.stringify({ ...BASE_REPORT_FORM, fields: [...BASE_REPORT_FORM.fields, extra] }),
      'u-lam',
      at(1),
    ],
  )
  await q(
    `INSERT INTO support_reports (id, idempotency_key, request_hash, reporter_id, form_version, identifier_kind, identifier, identifier_display, channel,
      claimed_identity, complied, verdict, extra, reported_at, received_at, updated_at)
    VALUES ('rep_old', 'key-of-an-old-report', 'h', 'u-cheung', 2, 'phone', '+85261234567', '+852 6123 4567', 'call', 'dingtalk_support', 'no', 'no_record', $1::jsonb, $2, $2, $2)`,
    [JSON.stringify({ clientMatter: 'HCA 1/2026' }), at(2)],
  )
  await q(
    'INSERT INTO classifier_policies (org_id, version, policy, note, created_by, created_by_name, created_at) VALUES ($1, 1, $2::jsonb, $3, $4, $5, $6), ($1, 2, $7::jsonb, $8, $4, $5, $9)',
    [
      'org-demo',
      JSON.stringify(policyV1),
      'Stricter',
      'u-ng',
      '吳慧敏 Ng Wai-man',
      at(3),
      JSON.stringify(policyV2),
      'Back to public',
      at(4),
    ],
  )
  await q(
    `INSERT INTO court_rule_templates (id, version, data, archived, created_by, created_at) VALUES
      ('reply', 1, $1::jsonb, false, 'u-lam', $4), ('list-of-documents', 1, $2::jsonb, false, 'u-lam', $4), ('list-of-documents', 2, $2::jsonb, true, 'u-lam', $5),
      ('reply', 2, $3::jsonb, false, 'u-lam', $5)`,
    [JSON.stringify(reply), JSON.stringify(custom), JSON.stringify(bundledReply), at(5), at(6)],
  )
  // 009 runs over the old tables; the migrations after it apply too.
  expect(await migrate(db, all)).toEqual(all.filter((m) => m.version >= 9).map((m) => m.version))
  t = await createTestApp({ db, env: COURT_TEST_ENV })
  admin = await t.signIn('u-lam')
})
afterAll(async () => {
  await t.close()
})

const get = async (url: string) => {
  const r = await t.app.inject({ method: 'GET', url, headers: admin.headers })
  expect(r.statusCode, `${url}: ${r.body}`).toBe(200)
  return r.json()
}

describe('migration 009: the areas’ own tables into the low-code store', () => {
  it('drops the old tables', async () => {
    for (const table of ['support_form_versions', 'classifier_policies', 'court_rule_templates']) {
      expect(
        (await t.db.query<{ r: string | null }>('SELECT to_regclass($1)::text AS r', [table])).rows[0]!.r,
      ).toBeNull()
    }
  })

  it('keeps every version with its number, author and time, hashed as the store hashes bodies', async () => {
    const { rows } = await t.db.query<{
      kind: string
      key: string
      version: number
      body: Record<string, unknown>
      body_hash: string
      author_id: string | null
      published_at: Date
      note: string | null
    }>(
      `SELECT kind, key, version, body, body_hash, author_id, published_at, note FROM lowcode_documents WHERE id LIKE 'mig009-%' ORDER BY kind, key, version`,
    )
    expect(rows.map((r) => `${r.kind}/${r.key}@${r.version}:${r.author_id}`)).toEqual([
      'classification_policy/default@1:u-ng',
      'classification_policy/default@2:u-ng',
      'court_rule_template/list-of-documents@1:u-lam',
      'court_rule_template/list-of-documents@2:u-lam',
      'court_rule_template/reply@1:u-lam',
      'court_rule_template/reply@2:u-lam',
      'form/support-report@1:null',
      'form/support-report@2:u-lam',
    ])
    for (const r of rows) expect(r.body_hash, `${r.kind}/${r.key}@${r.version}`).toBe(bodyHash(r.body))
    expect(rows.find((r) => r.key === 'list-of-documents' && r.version === 2)!.body).toMatchObject({ archived: true })
    expect(rows.find((r) => r.key === 'default' && r.version === 1)).toMatchObject({ note: 'Stricter', body: policyV1 })
    expect(new Date(rows.find((r) => r.key === 'support-report' && r.version === 2)!.published_at).toISOString()).toBe(
      at(1).toISOString(),
    )
  })

  it('the apps read the migrated versions: no default replaced an administrator’s work', async () => {
    const form = await get('/api/support/form')
    expect(form.version).toBe(2)
    expect(form.schema.fields.at(-1)).toMatchObject({ name: 'clientMatter' })
    expect((await get('/api/support/form/1')).schema.fields).toHaveLength(BASE_REPORT_FORM.fields.length)
    expect(await get('/api/classifier/policies/active')).toMatchObject({
      version: 2,
      policy: { defaultLabel: 'public' },
      note: 'Back to public',
      createdBy: 'u-ng',
    })
    expect((await get('/api/classifier/policies')).items.map((v: { version: number }) => v.version)).toEqual([2, 1, 0])
    const templates = (await get('/api/court-calendar/rule-templates?includeArchived=true')).items as {
      id: string
      version: number
      period: number
      source: string
      archived: boolean
    }[]
    expect(templates.find((x) => x.id === 'reply')).toMatchObject({ version: 2, period: 28, source: 'bundled' })
    expect(templates.find((x) => x.id === 'list-of-documents')).toMatchObject({
      version: 2,
      source: 'custom',
      archived: true,
    })
    // Bundled templates nobody had edited are published by the system at start, as version 1.
    expect(templates.find((x) => x.id === 'defence')).toMatchObject({ version: 1, source: 'bundled', updatedBy: null })
  })

  it('an old report keeps its form version; a new one is validated against the migrated version it names', async () => {
    expect(
      (await t.db.query<{ form_version: number }>(`SELECT form_version FROM support_reports WHERE id = 'rep_old'`))
        .rows[0]!.form_version,
    ).toBe(2)
    const staff = await t.signIn('u-cheung')
    expect(
      (await submitReport(t, staff, reportValues({ clientMatter: 'HCA 2/2026' }), { formVersion: 2 })).statusCode,
    ).toBe(201)
    expect(
      (await submitReport(t, staff, reportValues({ clientMatter: 'HCA 2/2026' }), { formVersion: 1 })).statusCode,
    ).toBe(400)
  })

  it('the history works on: a rollback to a migrated version, and a refusal to roll back to what runs', async () => {
    await stepUpWithDingTalk(t, admin)
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/lowcode/documents/court_rule_template/reply/rollback',
      headers: admin.headers,
      payload: { version: 2 },
    })
    expect(same.statusCode).toBe(409)
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/lowcode/documents/court_rule_template/reply/rollback',
      headers: admin.headers,
      payload: { version: 1 },
    })
    expect(back.json()).toMatchObject({ version: 3, rolledBackFrom: 1 })
    expect(
      (await get('/api/court-calendar/rule-templates')).items.find((x: { id: string }) => x.id === 'reply'),
    ).toMatchObject({ version: 3, period: 21, source: 'edited' })
    await publishAsAdmin(t, admin, 'classification_policy', 'default', policyV1)
    expect(await get('/api/classifier/policies/active')).toMatchObject({
      version: 3,
      policy: { defaultLabel: 'internal' },
    })
  })
})
