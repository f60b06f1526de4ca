import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_REPORT_FIELD_NAMES, BASE_REPORT_FORM } from '@suite/domain'
import { createTestApp, publishAsAdmin, type TestApp, type TestCredentials } from '../testing'
import { ensureSupportForm } from './form'
import { reportValues, submitReport } from './test-helpers'

let t: TestApp
let staff: TestCredentials
let other: TestCredentials
beforeAll(async () => {
  t = await createTestApp()
  staff = await t.signIn('u-cheung')
  other = await t.signIn('u-lee')
})
afterAll(async () => {
  await t.close()
})

const count = async (key: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM support_reports WHERE idempotency_key = $1', [key]))
    .rows[0]!.n

describe('POST /api/support/reports: exactly one report per Idempotency-Key', () => {
  it('creates a report with its check verdict, normalised identifier and audit entry', async () => {
    const res = await submitReport(
      t,
      staff,
      reportValues({ identifier: 'http://dingtaIk.com.support-hk.top/login', identifierKind: 'url', channel: 'sms' }),
    )
    expect(res.statusCode).toBe(201)
    const r = res.json()
    expect(r).toMatchObject({
      status: 'new',
      verdict: 'suspicious',
      identifierKey: 'url:dingtaik.com.support-hk.top',
      reporterId: 'u-cheung',
      department: 'Litigation',
      campaignId: null,
    })
    expect(r.reasons.map((x: { code: string }) => x.code)).toEqual(
      expect.arrayContaining(['plain_http', 'official_name_in_subdomain']),
    )
    const audit = await t.db.query<{ action: string; detail: { verdict: string } }>(
      'SELECT action, detail FROM audit_log WHERE target_id = $1',
      [r.id],
    )
    expect(audit.rows).toEqual([
      expect.objectContaining({
        action: 'support.report.create',
        detail: expect.objectContaining({ verdict: 'suspicious' }),
      }),
    ])
  })

  it('files a tel: link picked as a web address under the phone it dials, so triage groups it with that number', async () => {
    const res = await submitReport(
      t,
      staff,
      reportValues({ identifier: 'tel:+852-9123-4567', identifierKind: 'url', channel: 'sms' }),
    )
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ identifierKind: 'phone', identifierKey: 'phone:+85291234567' })
  })

  it('answers a retry with the same report and stores nothing new', async () => {
    const key = randomUUID()
    const values = reportValues()
    const first = await submitReport(t, staff, values, { key, reportedAt: '2026-11-20T02:00:00.000Z' })
    const again = await submitReport(t, staff, values, { key, reportedAt: '2026-11-20T02:00:00.000Z' })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    expect(await count(key)).toBe(1)
  })

  it('keeps one report when twenty copies arrive at once', async () => {
    const key = randomUUID()
    const values = reportValues({ identifier: '+852 5123 9876' })
    const reportedAt = new Date().toISOString()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => submitReport(t, staff, values, { key, reportedAt })),
    )
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true)
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1)
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1)
    expect(await count(key)).toBe(1)
    const audits = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'support.report.create' AND target_id = $1",
      [answers[0]!.json().id],
    )
    expect(audits.rows[0]!.n).toBe(1)
  })

  it('refuses a key reused for different content, or by someone else', async () => {
    const key = randomUUID()
    const reportedAt = new Date().toISOString()
    expect((await submitReport(t, staff, reportValues(), { key, reportedAt })).statusCode).toBe(201)
    const changed = await submitReport(t, staff, reportValues({ complied: 'yes' }), { key, reportedAt })
    expect(changed.statusCode).toBe(409)
    const stranger = await submitReport(t, other, reportValues(), { key, reportedAt })
    expect(stranger.statusCode).toBe(409)
    expect(stranger.body).not.toContain('6123')
  })

  it('requires the Idempotency-Key header', async () => {
    const res = await submitReport(t, staff, reportValues(), { key: null })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields[0].path).toBe('headers.idempotency-key')
  })

  it('validates the values against the form and names the fields', async () => {
    const res = await submitReport(t, staff, {
      identifierKind: 'phone',
      channel: 'pigeon',
      complied: 'no',
      surprise: 1,
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)
    expect(paths).toEqual(
      expect.arrayContaining([
        'values.identifier:required',
        'values.channel:invalid_option',
        'values.claimedIdentity:required',
        'values.surprise:unknown_field',
      ]),
    )
  })

  it('keeps outside parties out', async () => {
    const client = await t.signIn('u-client-tse')
    expect((await submitReport(t, client, reportValues())).statusCode).toBe(403)
  })
})

describe('the report form, a low-code document (form/support-report)', () => {
  const riskField = {
    name: 'clientMatter',
    type: 'text',
    required: true,
    maxLength: 40,
    label: { 'zh-HK': '相關案件', 'zh-CN': '相关案件', en: 'Related matter' },
  }
  const withFields = (body: { fields: unknown[] }, ...more: unknown[]) => ({
    ...body,
    fields: [...body.fields, ...more],
  })

  it('lets IT add a field in the document store; the app reads it at once; old versions still validate as they were', async () => {
    const it_ = await t.signIn('u-lam')
    const running = (await t.app.inject({ method: 'GET', url: '/api/support/form', headers: staff.headers })).json()
    expect(running.schema.fields.map((f: { name: string }) => f.name)).toEqual(BASE_REPORT_FIELD_NAMES)
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/support/form',
          headers: it_.headers,
          payload: { fields: [riskField] },
        })
      ).statusCode,
    ).toBe(404)
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/lowcode/documents/form/support-report/draft',
      headers: staff.headers,
      payload: { body: withFields(running.schema, riskField) },
    })
    expect(denied.statusCode).toBe(403)

    const published = await publishAsAdmin(t, it_, 'form', 'support-report', withFields(running.schema, riskField))
    const v = published.version
    expect(v).toBe(running.version + 1)
    const form = (await t.app.inject({ method: 'GET', url: '/api/support/form', headers: staff.headers })).json()
    expect(form.version).toBe(v)
    expect(form.schema.fields.at(-1).name).toBe('clientMatter')
    expect(
      (
        await t.app.inject({ method: 'GET', url: `/api/support/form/${running.version}`, headers: staff.headers })
      ).json().schema.fields,
    ).toHaveLength(BASE_REPORT_FIELD_NAMES.length)

    const missing = await submitReport(t, staff, reportValues(), { formVersion: v })
    expect(missing.json().error.fields).toEqual([
      expect.objectContaining({ path: 'values.clientMatter', code: 'required' }),
    ])
    const withIt = await submitReport(t, staff, reportValues({ clientMatter: 'HCA 1234/2026' }), { formVersion: v })
    expect(withIt.statusCode).toBe(201)
    expect(withIt.json().extra).toEqual({ clientMatter: 'HCA 1234/2026' })
    // A report filled in offline on the first version is still accepted, and checked against that version.
    expect((await submitReport(t, staff, reportValues(), { formVersion: 1 })).statusCode).toBe(201)
    expect(
      (await submitReport(t, staff, reportValues({ clientMatter: 'x' }), { formVersion: 1 })).json().error.fields,
    ).toEqual([expect.objectContaining({ path: 'values.clientMatter', code: 'unknown_field' })])
    expect((await submitReport(t, staff, reportValues(), { formVersion: 999 })).statusCode).toBe(400)
  })

  it('a new build whose base fields differ publishes a version with them and the administrators’ fields (by the system, audited)', async () => {
    const running = (await t.app.inject({ method: 'GET', url: '/api/support/form', headers: staff.headers })).json()
    const older = structuredClone(running.schema)
    older.fields[1].label.en = 'Number or link (wording of an older build)'
    // What an older build left running: written past the document rules, as that build's rules were.
    await t.db.query(
      `INSERT INTO lowcode_documents (id, kind, key, version, status, body, body_hash, author_id, author_name, created_at, updated_at, published_at, published_by)
       VALUES ('older-build', 'form', 'support-report', $1, 'published', $2::json, $3, NULL, 'system', now(), now(), now(), 'system')`,
      [running.version + 1, JSON.stringify(older), 'f'.repeat(64)],
    )
    const v = await t.db.tx((q) => ensureSupportForm(q, new Date()))
    expect(v).toBe(running.version + 2)
    const now = (await t.app.inject({ method: 'GET', url: '/api/support/form', headers: staff.headers })).json()
    expect(now.version).toBe(v)
    expect(now.schema.fields[1].label.en).toBe(BASE_REPORT_FORM.fields[1]!.label.en)
    expect(now.schema.fields.map((f: { name: string }) => f.name)).toEqual(
      running.schema.fields.map((f: { name: string }) => f.name),
    )
    expect(
      (
        await t.db.query(
          `SELECT 1 FROM audit_log WHERE action = 'lowcode.published' AND target_id = 'support-report' AND actor_id IS NULL AND (detail->>'version')::int = $1`,
          [v],
        )
      ).rows,
    ).toHaveLength(1)
    // Nothing to do the next time.
    expect(await t.db.tx((q) => ensureSupportForm(q, new Date()))).toBe(v)
  })

  it('keeps the base fields: a draft that changes, drops or reuses one is refused with the field named', async () => {
    const it_ = await t.signIn('u-lam')
    const running = (await t.app.inject({ method: 'GET', url: '/api/support/form', headers: staff.headers })).json()
    const draft = (body: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/lowcode/documents/form/support-report/draft',
        headers: it_.headers,
        payload: { body: body as object },
      })
    const fieldsOf = async (body: unknown) =>
      (await draft(body)).json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)

    const relabelled = structuredClone(running.schema)
    relabelled.fields[1].label.en = 'Anything'
    expect(await fieldsOf(relabelled)).toEqual(['body.fields.1:base_field_changed'])
    expect(
      await fieldsOf({
        ...running.schema,
        fields: running.schema.fields.filter((f: { name: string }) => f.name !== 'message'),
      }),
    ).toEqual(['body.fields.10:base_field_changed'])
    expect(await fieldsOf({ ...running.schema, title: { 'zh-HK': '舉報', 'zh-CN': '举报', en: 'Report' } })).toEqual([
      'body.title:base_changed',
    ])
    expect(await fieldsOf(withFields(running.schema, { ...riskField, name: 'identifier' }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^body\.fields\.\d+\.name:/)]),
    )
  })
})

describe('screenshots', () => {
  const png = (n: number) =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`shot-${n}`)])

  it('uploads an image, then a report names it; the reporter can read it back', async () => {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/support/attachments',
      headers: { ...staff.headers, 'content-type': 'image/png' },
      payload: png(1),
    })
    expect(up.statusCode).toBe(201)
    const { id, size } = up.json()
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    const res = await submitReport(
      t,
      staff,
      reportValues({ screenshots: [{ id, name: 'sms.png', size, mime: 'image/png' }] }),
    )
    expect(res.statusCode).toBe(201)
    expect(res.json().attachments).toEqual([{ id, name: 'sms.png', size, mime: 'image/png' }])
    const img = await t.app.inject({
      method: 'GET',
      url: `/api/support/reports/${res.json().id}/attachments/${id}`,
      headers: staff.headers,
    })
    expect(img.statusCode).toBe(200)
    expect(img.headers['content-type']).toBe('image/png')
    expect(img.rawPayload.equals(png(1))).toBe(true)
    const stranger = await t.app.inject({
      method: 'GET',
      url: `/api/support/reports/${res.json().id}/attachments/${id}`,
      headers: other.headers,
    })
    expect(stranger.statusCode).toBe(404)
  })

  it('refuses a file that is not an image, and a report naming a file never uploaded', async () => {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/support/attachments',
      headers: { ...staff.headers, 'content-type': 'image/png' },
      payload: Buffer.from('%PDF-1.7 not an image'),
    })
    expect(up.statusCode).toBe(415)
    const res = await submitReport(
      t,
      staff,
      reportValues({ screenshots: [{ id: 'a'.repeat(64), name: 'x.png', size: 10, mime: 'image/png' }] }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields[0]).toMatchObject({ path: 'values.screenshots.0', code: 'not_uploaded' })
  })
})

describe('the reporter sees their reports', () => {
  it('lists only my reports, newest first, with their state', async () => {
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/support/reports/mine?limit=200',
      headers: other.headers,
    })
    expect(mine.json().items).toEqual([])
    const created = await submitReport(
      t,
      other,
      reportValues({ identifier: 'scam@qq.com', identifierKind: 'email', channel: 'email' }),
    )
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/support/reports/mine', headers: other.headers })
    ).json().items
    expect(list.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[created.json().id, 'new']])
    const peek = await t.app.inject({
      method: 'GET',
      url: `/api/support/reports/${created.json().id}`,
      headers: staff.headers,
    })
    expect(peek.statusCode).toBe(404)
  })

  it('alerts IT at once when the reporter complied', async () => {
    await submitReport(
      t,
      other,
      reportValues({ identifier: '+852 9000 1111', complied: 'yes', askedFor: ['one_time_code'] }),
    )
    await t.worker.drain()
    const toIt = t.sim.state.messages.filter((m) => m.userid === 'dt-u-lam').map((m) => JSON.stringify(m.msg))
    expect(
      toIt.some((m) => m.includes('緊急') && m.replace(/\s/g, '').includes('+85290001111') && m.includes('有照做')),
    ).toBe(true)
  })

  it('alerts each IT administrator in their own language', async () => {
    await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-lam'")
    try {
      await submitReport(
        t,
        other,
        reportValues({ identifier: '+852 9000 2222', complied: 'partly', askedFor: ['one_time_code'] }),
      )
      await t.worker.drain()
      type Card = { action_card: { title: string; markdown: string; single_title: string } }
      const card = t.sim.state.messages.filter((m) => m.userid === 'dt-u-lam').at(-1)?.msg as Card
      expect(card.action_card).toMatchObject({
        // A one-time code was among what they handed over: the alert names it.
        title: 'Urgent: a colleague handed over a one-time code',
        single_title: 'Open',
      })
      expect(card.action_card.markdown).toContain('says they gave the contact a one-time code (partly)')
      expect(card.action_card.markdown).not.toMatch(/[緊急做]/)
    } finally {
      await t.db.query("UPDATE users SET locale = 'zh-HK' WHERE id = 'u-lam'")
    }
    await submitReport(
      t,
      other,
      reportValues({ identifier: '+852 9000 3333', complied: 'yes', askedFor: ['one_time_code'] }),
    )
    await t.worker.drain()
    const card = t.sim.state.messages.filter((m) => m.userid === 'dt-u-lam').at(-1)?.msg as {
      action_card: { title: string; single_title: string }
    }
    expect(card.action_card).toMatchObject({ title: '緊急：同事已交出驗證碼', single_title: '打開' })
  })
})
