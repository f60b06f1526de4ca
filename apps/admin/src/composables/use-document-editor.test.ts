import { describe, expect, it, vi } from 'vitest'
import { ApiError, type ApiClient } from '@suite/api-client'
import type { LowcodeDocument, LowcodeVersion } from '@suite/domain'
import { SAMPLE_FORM } from '@suite/forms/testing'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import { STARTER_FORM, STARTER_POLICY, STARTER_TEMPLATE } from '../lib/document-kinds'
import { useDocumentEditor } from './use-document-editor'

const version = (over: Partial<LowcodeVersion> = {}): LowcodeVersion => ({
  id: 'v',
  kind: 'form',
  key: 'intake',
  version: 1,
  status: 'published',
  body: SAMPLE_FORM as Record<string, unknown>,
  bodyHash: 'a'.repeat(64),
  note: null,
  authorId: null,
  authorName: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-01-01T00:00:00.000Z',
  publishedBy: 'x',
  rolledBackFrom: null,
  ...over,
})

function fakeApi(doc: LowcodeDocument) {
  const lowcode = {
    get: vi.fn(async () => doc),
    versions: vi.fn(async () => (doc.running ? [doc.running] : [])),
    diff: vi.fn(async () => ({
      runningVersion: 1,
      draftHash: 'b'.repeat(64),
      changes: [{ op: 'change' as const, path: 'title.en', before: 'a', after: 'b' }],
    })),
    saveDraft: vi.fn(async (_k: string, _key: string, body: Record<string, unknown>) =>
      version({ status: 'draft', version: null, body, bodyHash: 'b'.repeat(64) }),
    ),
    publish: vi.fn(async () => version({ version: 2 })),
    rollback: vi.fn(),
    discardDraft: vi.fn(),
    list: vi.fn(),
    published: vi.fn(),
    checkForm: vi.fn(),
  }
  return { api: { lowcode } as unknown as Pick<ApiClient, 'lowcode'>, lowcode }
}

describe('useDocumentEditor', () => {
  it('starts a new form from the starter, and previews only a valid form', async () => {
    const { api } = fakeApi({ kind: 'form', key: 'new', running: null, draft: null })
    const ed = useDocumentEditor(api, (c) => c(), 'form', 'new')
    await ed.load()
    expect(JSON.parse(ed.text.value)).toEqual(STARTER_FORM)
    expect(ed.preview.value).toMatchObject({ kind: 'form', schema: { fields: [{ name: 'subject' }] } })
    ed.text.value = '{"schemaVersion": 1, "title": {"en": "x"}, "fields": []}'
    expect(ed.parsed.value.ok).toBe(false)
    expect(ed.preview.value).toBeNull()
    ed.text.value = '{ not json'
    expect(ed.parsed.value).toMatchObject({ ok: false, problems: [{ path: '(json)' }] })
  })

  it('keeps the typed text when saving fails, and publishes the reviewed hash through the step-up wrapper', async () => {
    const { api, lowcode } = fakeApi({ kind: 'form', key: 'intake', running: version(), draft: null })
    const privileged = vi.fn((c: () => Promise<unknown>) => c())
    const ed = useDocumentEditor(api, privileged as unknown as <T>(c: () => Promise<T>) => Promise<T>, 'form', 'intake')
    await ed.load()
    const typed = ed.text.value.replace('Suspicious contact report', 'Suspicious contact')
    ed.text.value = typed
    lowcode.saveDraft.mockRejectedValueOnce(new ApiError({ status: 0, code: 'network_error', message: 'offline' }))
    expect(await ed.saveDraft()).toBe(false)
    expect(ed.text.value).toBe(typed)
    expect(ed.dirty.value).toBe(true)
    expect(await ed.saveDraft()).toBe(true)
    expect(ed.dirty.value).toBe(false)
    await ed.publish()
    expect(privileged).toHaveBeenCalledOnce()
    expect(lowcode.publish).toHaveBeenCalledWith('form', 'intake', 'b'.repeat(64))
  })

  it('checks a label policy and a rule template with the server’s schemas, and previews only a valid one', async () => {
    const policy = useDocumentEditor(
      fakeApi({ kind: 'classification_policy', key: 'new', running: null, draft: null }).api,
      (c) => c(),
      'classification_policy',
      'new',
    )
    await policy.load()
    expect(JSON.parse(policy.text.value)).toEqual(STARTER_POLICY)
    expect(policy.preview.value).toMatchObject({ kind: 'classification_policy', policy: { defaultLabel: 'public' } })
    policy.text.value = JSON.stringify({ ...DEFAULT_LABEL_POLICY, defaultLabel: 'secret' })
    expect(policy.parsed.value).toMatchObject({ ok: false, problems: [{ path: 'defaultLabel' }] })
    expect(policy.preview.value).toBeNull()

    const template = useDocumentEditor(
      fakeApi({ kind: 'court_rule_template', key: 'new', running: null, draft: null }).api,
      (c) => c(),
      'court_rule_template',
      'new',
    )
    await template.load()
    expect(JSON.parse(template.text.value)).toEqual(STARTER_TEMPLATE)
    expect(template.preview.value).toMatchObject({
      kind: 'court_rule_template',
      template: { period: 14, unit: 'days', closedDayRule: 'roll' },
    })
    template.text.value = JSON.stringify({ ...STARTER_TEMPLATE, unit: 'months', clear: true })
    expect(template.parsed.value).toMatchObject({ ok: false, problems: [{ path: 'clear' }] })

    // A kind the suite does not know: any JSON object, no preview.
    const other = useDocumentEditor(
      fakeApi({ kind: 'other_kind', key: 'x', running: null, draft: null }).api,
      (c) => c(),
      'other_kind',
      'x',
    )
    await other.load()
    expect(other.text.value).toBe('{}')
    expect(other.parsed.value).toMatchObject({ ok: true, preview: null })
  })
})
