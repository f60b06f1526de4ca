import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE_FORM } from '@suite/forms/testing'
import { createTestApp, stepUpWithDingTalk, type TestApp, type TestCredentials } from '../testing'
import { ensureDefaultDocument, getPublishedDocument, registerDocumentKind } from './documents'

let t: TestApp
let admin: TestCredentials
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.signIn('u-ng')
  await stepUpWithDingTalk(t, admin)
})
afterAll(async () => {
  await t.close()
})

const url = (key: string, tail = '') => `/api/lowcode/documents/form/${key}${tail}`
const call = (creds: TestCredentials, method: 'GET' | 'POST' | 'PUT' | 'DELETE', u: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: u,
    headers: creds.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
async function publish(key: string, body: unknown) {
  const d = await call(admin, 'PUT', url(key, '/draft'), { body })
  expect(d.statusCode, d.body).toBe(200)
  const p = await call(admin, 'POST', url(key, '/publish'), { draftHash: d.json().bodyHash })
  expect(p.statusCode, p.body).toBe(200)
  return p.json<{ version: number }>()
}

describe('versioned low-code documents', () => {
  it('saves a draft, diffs it against the running version, publishes it, and keeps every version', async () => {
    const v1 = await publish('intake', SAMPLE_FORM)
    expect(v1.version).toBe(1)
    const changed = structuredClone(SAMPLE_FORM) as { fields: { name: string; label: Record<string, string> }[] }
    changed.fields[3]!.label.en = 'Who they said they were'
    changed.fields.splice(8, 1)
    const draft = await call(admin, 'PUT', url('intake', '/draft'), { body: changed, note: 'wording' })
    expect(draft.json()).toMatchObject({ status: 'draft', version: null, note: 'wording' })
    const diff = (await call(admin, 'GET', url('intake', '/diff'))).json<{
      runningVersion: number
      changes: { op: string; path: string }[]
    }>()
    expect(diff.runningVersion).toBe(1)
    expect(diff.changes).toEqual([
      expect.objectContaining({ op: 'remove', path: 'fields[name=message]' }),
      expect.objectContaining({
        op: 'change',
        path: 'fields[name=claimed].label.en',
        before: 'Claimed identity',
        after: 'Who they said they were',
      }),
    ])
    const v2 = await call(admin, 'POST', url('intake', '/publish'), { draftHash: draft.json().bodyHash })
    expect(v2.json()).toMatchObject({ version: 2, status: 'published', publishedBy: '吳慧敏 Ng Wai-man' })
    const doc = (await call(admin, 'GET', url('intake'))).json()
    expect(doc.running.version).toBe(2)
    expect(doc.draft).toBeNull()
    expect(
      (await call(admin, 'GET', url('intake', '/versions'))).json().items.map((v: { version: number }) => v.version),
    ).toEqual([2, 1])
    const list = (await call(admin, 'GET', '/api/lowcode/documents?kind=form')).json().items
    expect(list).toContainEqual(
      expect.objectContaining({ kind: 'form', key: 'intake', runningVersion: 2, hasDraft: false }),
    )
    // Listed by its own title in each language (the key is only the secondary text).
    expect(list.find((d: { key: string }) => d.key === 'intake').title).toEqual(SAMPLE_FORM.title)
    const templates = (await call(admin, 'GET', '/api/lowcode/documents?kind=court_rule_template')).json().items
    for (const d of templates) expect(d.title?.['zh-HK'], d.key).toMatch(/[\u4e00-\u9fff]/)
    const audited = (
      await t.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE target_type = 'form' AND target_id = 'intake' ORDER BY seq`,
      )
    ).rows.map((r) => r.action)
    expect(audited).toEqual(['lowcode.draft_saved', 'lowcode.published', 'lowcode.draft_saved', 'lowcode.published'])
  })

  it('refuses an invalid form with field errors under body.*', async () => {
    const bad = { ...SAMPLE_FORM, fields: [{ name: 'x', type: 'text', label: { en: 'X' } }] }
    const r = await call(admin, 'PUT', url('broken', '/draft'), { body: bad })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.fields.0.label.zh-HK')
  })

  it('refuses to publish a draft that changed after it was reviewed', async () => {
    const first = await call(admin, 'PUT', url('race', '/draft'), { body: SAMPLE_FORM })
    await call(admin, 'PUT', url('race', '/draft'), {
      body: { ...SAMPLE_FORM, submitLabel: { 'zh-HK': '送出', 'zh-CN': '发送', en: 'Send' } },
    })
    const r = await call(admin, 'POST', url('race', '/publish'), { draftHash: first.json().bodyHash })
    expect(r.statusCode).toBe(409)
  })

  it('discards the open draft (204, audited), then says there is none (404)', async () => {
    expect((await call(admin, 'PUT', url('discard', '/draft'), { body: SAMPLE_FORM })).statusCode).toBe(200)
    const gone = await call(admin, 'DELETE', url('discard', '/draft'))
    expect(gone.statusCode).toBe(204)
    expect(gone.body).toBe('')
    expect((await call(admin, 'GET', url('discard'))).json()).toMatchObject({ running: null, draft: null })
    expect((await call(admin, 'DELETE', url('discard', '/draft'))).statusCode).toBe(404)
    const audited = (
      await t.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE target_type = 'form' AND target_id = 'discard' ORDER BY seq`,
      )
    ).rows.map((r) => r.action)
    expect(audited).toEqual(['lowcode.draft_saved', 'lowcode.draft_discarded'])
  })

  it('rolls back by publishing the old body as a new version; running apps see it at once', async () => {
    await publish('rollback', SAMPLE_FORM)
    await publish('rollback', { ...SAMPLE_FORM, submitLabel: { 'zh-HK': '送出', 'zh-CN': '发送', en: 'Send' } })
    const staff = await t.signIn('u-cheung')
    expect((await call(staff, 'GET', '/api/lowcode/published/form/rollback')).json()).toMatchObject({
      version: 2,
      body: { submitLabel: { en: 'Send' } },
    })
    const r = await call(admin, 'POST', url('rollback', '/rollback'), { version: 1 })
    expect(r.json()).toMatchObject({ version: 3, rolledBackFrom: 1 })
    expect((await call(staff, 'GET', '/api/lowcode/published/form/rollback')).json()).toMatchObject({
      version: 3,
      body: { submitLabel: { en: 'Send report' } },
    })
    expect((await call(admin, 'POST', url('rollback', '/rollback'), { version: 1 })).statusCode).toBe(409)
    expect((await call(admin, 'POST', url('rollback', '/rollback'), { version: 9 })).statusCode).toBe(404)
    expect((await getPublishedDocument(t.db, 'form', 'rollback'))?.version).toBe(3)
  })

  it('keeps editing to administrators; reading the published version to signed-in people', async () => {
    const staff = await t.signIn('u-cheung')
    expect((await call(staff, 'PUT', url('intake', '/draft'), { body: SAMPLE_FORM })).statusCode).toBe(403)
    expect((await call(staff, 'GET', '/api/lowcode/documents')).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/lowcode/published/form/intake' })).statusCode).toBe(401)
    expect((await call(staff, 'GET', '/api/lowcode/published/form/nothing-here')).statusCode).toBe(404)
  })

  it('validates bodies of kinds other areas register', async () => {
    // A kind of this test only: the registry is shared by every test file of a worker.
    registerDocumentKind(
      'test_rule_sets',
      (b) => (Array.isArray(b.rules) ? [] : [{ path: 'rules', code: 'required', message: 'rules must be a list' }]),
      {
        key: (k) => (k.includes('.') ? 'no dots in a rule set key' : null),
      },
    )
    const bad = await call(admin, 'PUT', '/api/lowcode/documents/test_rule_sets/hk-high-court/draft', {
      body: { rule: 1 },
    })
    expect(bad.json().error.fields).toEqual([{ path: 'body.rules', code: 'required', message: 'rules must be a list' }])
    expect(
      (await call(admin, 'PUT', '/api/lowcode/documents/test_rule_sets/hk-high-court/draft', { body: { rules: [] } }))
        .statusCode,
    ).toBe(200)
    const badKey = await call(admin, 'PUT', '/api/lowcode/documents/test_rule_sets/hk.high/draft', {
      body: { rules: [] },
    })
    expect(badKey.statusCode).toBe(400)
    expect(badKey.json().error.fields).toEqual([
      { path: 'key', code: 'invalid_key', message: 'no dots in a rule set key' },
    ])
  })
})

describe('defaults that ship with the app', () => {
  it('a new build’s default replaces a version only the system published, never an administrator’s', async () => {
    const label = (en: string) => ({ 'zh-HK': en, 'zh-CN': en, en })
    const ensure = (submit: string) =>
      t.db.tx((q) =>
        ensureDefaultDocument(q, {
          kind: 'form',
          key: 'shipped',
          body: { ...SAMPLE_FORM, submitLabel: label(submit) },
          now: new Date(),
        }),
      )
    expect((await ensure('Send')).version).toBe(1)
    expect((await ensure('Send')).version).toBe(1)
    expect(await ensure('Send it')).toMatchObject({
      version: 2,
      authorId: null,
      note: 'Default of this version of the app',
    })
    await publish('shipped', { ...SAMPLE_FORM, submitLabel: label('Report') })
    expect(await ensure('Send it now')).toMatchObject({
      version: 3,
      authorId: 'u-ng',
      body: { submitLabel: { en: 'Report' } },
    })
  })
})

describe('form round trip: edit -> publish -> fetch -> submit -> server validation, in three languages', () => {
  it.each([
    ['zh-HK', '途徑'],
    ['zh-CN', '途径'],
    ['en', 'Channel'],
  ] as const)('%s', async (locale, channelLabel) => {
    const key = `round-trip-${locale.toLowerCase()}`
    await publish(key, SAMPLE_FORM)
    const staff = await t.signIn('u-lee')
    const published = (await call(staff, 'GET', `/api/lowcode/published/form/${key}`)).json<{
      version: number
      body: { fields: { name: string; label: Record<string, string> }[] }
    }>()
    expect(published.body.fields[0]!.label[locale]).toBe(channelLabel)
    const bad = await call(staff, 'POST', `/api/lowcode/forms/${key}/check`, {
      values: { channel: 'phone', phone: '12345678', when: '2026-02-30' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual([
      'values.phone:invalid_phone',
      'values.claimed:required',
      'values.when:invalid_date',
    ])
    const good = await call(staff, 'POST', `/api/lowcode/forms/${key}/check`, {
      values: { channel: 'phone', phone: '6123 4567', claimed: '釘釘客服', when: '2026-03-02' },
    })
    expect(good.json()).toEqual({
      ok: true,
      version: published.version,
      values: { channel: 'phone', phone: '+85261234567', claimed: '釘釘客服', when: '2026-03-02' },
    })
  })
})
