import { createHash, randomUUID } from 'node:crypto'
import { SUITE_LOCALES, type FieldError, type LowcodeDocumentSummary, type LowcodeVersion } from '@suite/domain'
import { parseFormSchema } from '@suite/forms'
import type { Queryable } from '../db/db'
import { appendAudit } from '../audit/log'
import { canonicalJson } from '../audit/chain'

/** Checks a document body of one kind; returns field errors (paths start at the body), none when valid. */
export type BodyValidator = (body: Record<string, unknown>) => FieldError[]

/** Says what is wrong with a document key of a kind, or null when it is a good one. */
export type KeyValidator = (key: string) => string | null

interface KindRules {
  validate: BodyValidator
  key?: KeyValidator
}

const kinds = new Map<string, KindRules>([
  [
    'form',
    {
      validate: (body) => {
        const r = parseFormSchema(body)
        return r.ok ? [] : r.errors
      },
    },
  ],
])
/** Extra rules of single documents, by `kind/key`. */
const documentRules = new Map<string, BodyValidator>()

/**
 * Register the validator of a document kind (call it from your route module at start):
 * drafts and publications of that kind are refused with 400 and these field errors. `key`
 * narrows the keys documents of the kind may have (e.g. template ids); a bad one is refused under `key`.
 * @example registerDocumentKind('classification_policy', (b) => { const r = LabelPolicy.safeParse(b); return r.success ? [] : fieldErrorsOf(r.error) })
 */
export function registerDocumentKind(kind: string, validate: BodyValidator, opts: { key?: KeyValidator } = {}): void {
  kinds.set(kind, { validate, ...(opts.key ? { key: opts.key } : {}) })
}

/**
 * Register rules one document must keep besides those of its kind, e.g. the support report
 * form's base fields. They run only on a body that passes its kind's validator.
 */
export function registerDocumentRules(kind: string, key: string, validate: BodyValidator): void {
  documentRules.set(`${kind}/${key}`, validate)
}

/**
 * Field errors of a body for its kind and, given a key, for that document ([] when valid or
 * nothing was registered). Paths start at the body.
 */
export function validateDocumentBody(kind: string, body: Record<string, unknown>, key?: string): FieldError[] {
  const own = kinds.get(kind)?.validate(body) ?? []
  if (own.length || key === undefined) return own
  return documentRules.get(`${kind}/${key}`)?.(body) ?? []
}

/** Thrown by the write functions; routes map it to 400 / 404 / 409. */
export class DocumentError extends Error {
  constructor(
    readonly code: 'invalid_body' | 'no_draft' | 'draft_changed' | 'no_version' | 'already_running',
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message)
    this.name = 'DocumentError'
  }
}

/** SHA-256 of a body's canonical JSON (key order does not matter). */
export const bodyHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex')

interface Row {
  id: string
  kind: string
  key: string
  version: number | null
  status: 'draft' | 'published'
  body: Record<string, unknown>
  body_hash: string
  note: string | null
  author_id: string | null
  author_name: string | null
  created_at: Date
  updated_at: Date
  published_at: Date | null
  published_by: string | null
  rolled_back_from: number | null
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
function toVersion(r: Row): LowcodeVersion {
  return {
    id: r.id,
    kind: r.kind,
    key: r.key,
    version: r.version,
    status: r.status,
    body: r.body,
    bodyHash: r.body_hash,
    note: r.note,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    publishedAt: iso(r.published_at),
    publishedBy: r.published_by,
    rolledBackFrom: r.rolled_back_from,
  }
}

/** Who makes a change; null id for the system (seeds, migrations of data). */
export interface DocumentActor {
  id: string | null
  name: string | null
  requestId?: string | null
}

/** The running (latest published) version of a document, or null when it was never published. */
export async function getRunningVersion(q: Queryable, kind: string, key: string): Promise<LowcodeVersion | null> {
  const r = (
    await q.query<Row>(
      `SELECT * FROM lowcode_documents WHERE kind = $1 AND key = $2 AND status = 'published' ORDER BY version DESC LIMIT 1`,
      [kind, key],
    )
  ).rows[0]
  return r ? toVersion(r) : null
}

/**
 * What running apps use: the published body of a document, or null. Read it on every request
 * that needs it (it is one indexed row), so a publish takes effect without a redeploy.
 */
export async function getPublishedDocument(
  q: Queryable,
  kind: string,
  key: string,
): Promise<{ version: number; body: Record<string, unknown>; bodyHash: string; publishedAt: string } | null> {
  const v = await getRunningVersion(q, kind, key)
  return v && v.version !== null
    ? { version: v.version, body: v.body, bodyHash: v.bodyHash, publishedAt: v.publishedAt! }
    : null
}

/** A given published version (for validating a submission against the version a device rendered). */
export async function getVersion(
  q: Queryable,
  kind: string,
  key: string,
  version: number,
): Promise<LowcodeVersion | null> {
  const r = (
    await q.query<Row>('SELECT * FROM lowcode_documents WHERE kind = $1 AND key = $2 AND version = $3', [
      kind,
      key,
      version,
    ])
  ).rows[0]
  return r ? toVersion(r) : null
}

/** The running version of every published document of a kind, by key. */
export async function listRunningVersions(q: Queryable, kind: string): Promise<LowcodeVersion[]> {
  const { rows } = await q.query<Row>(
    `SELECT DISTINCT ON (key) * FROM lowcode_documents WHERE kind = $1 AND status = 'published' ORDER BY key, version DESC`,
    [kind],
  )
  return rows.map(toVersion)
}

/** The open draft of a document, or null. */
export async function getDraft(q: Queryable, kind: string, key: string): Promise<LowcodeVersion | null> {
  const r = (
    await q.query<Row>(`SELECT * FROM lowcode_documents WHERE kind = $1 AND key = $2 AND status = 'draft'`, [kind, key])
  ).rows[0]
  return r ? toVersion(r) : null
}

/** Every published version, newest first (drafts are not history). */
export async function listVersions(q: Queryable, kind: string, key: string): Promise<LowcodeVersion[]> {
  const { rows } = await q.query<Row>(
    `SELECT * FROM lowcode_documents WHERE kind = $1 AND key = $2 AND status = 'published' ORDER BY version DESC`,
    [kind, key],
  )
  return rows.map(toVersion)
}

/** A document's name in each language, when its body has one (`{ "zh-HK": …, "zh-CN": …, "en": … }`). */
function titleOf(value: unknown): LowcodeDocumentSummary['title'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const out: NonNullable<LowcodeDocumentSummary['title']> = {}
  for (const locale of SUITE_LOCALES) {
    const text = (value as Record<string, unknown>)[locale]
    if (typeof text === 'string' && text.trim()) out[locale] = text.trim().slice(0, 300)
  }
  return Object.keys(out).length ? out : null
}

/** One line per document (kind, key) with its name, its running version and whether a draft is open. */
export async function listDocuments(q: Queryable, kind?: string): Promise<LowcodeDocumentSummary[]> {
  const { rows } = await q.query<{
    kind: string
    key: string
    running: number | null
    published_at: Date | null
    draft_at: Date | null
    title: unknown
  }>(
    `SELECT l.kind, l.key, max(l.version) AS running,
            max(l.published_at) AS published_at,
            max(CASE WHEN l.status = 'draft' THEN l.updated_at END) AS draft_at,
            (SELECT COALESCE(n.body->'title', n.body->'name') FROM lowcode_documents n
              WHERE n.kind = l.kind AND n.key = l.key
              ORDER BY (n.status = 'draft') DESC, n.version DESC NULLS LAST LIMIT 1) AS title
     FROM lowcode_documents l ${kind ? 'WHERE l.kind = $1' : ''} GROUP BY l.kind, l.key ORDER BY l.kind, l.key`,
    kind ? [kind] : [],
  )
  return rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    title: titleOf(r.title),
    runningVersion: r.running,
    publishedAt: iso(r.published_at),
    hasDraft: !!r.draft_at,
    draftUpdatedAt: iso(r.draft_at),
  }))
}

function assertValid(kind: string, key: string, body: Record<string, unknown>): void {
  const keyProblem = kinds.get(kind)?.key?.(key)
  if (keyProblem)
    throw new DocumentError('invalid_body', `This is not a valid key for a ${kind}`, [
      { path: 'key', code: 'invalid_key', message: keyProblem },
    ])
  const fields = validateDocumentBody(kind, body, key)
  if (fields.length)
    throw new DocumentError(
      'invalid_body',
      `This ${kind} is not valid`,
      fields.map((f) => ({ ...f, path: `body.${f.path}` })),
    )
}

/** Create or replace the open draft (validated for its kind); audited with the body's hash. */
export async function saveDraft(
  q: Queryable,
  p: {
    kind: string
    key: string
    body: Record<string, unknown>
    note?: string | null | undefined
    actor: DocumentActor
    now: Date
  },
): Promise<LowcodeVersion> {
  assertValid(p.kind, p.key, p.body)
  const hash = bodyHash(p.body)
  const { rows } = await q.query<Row>(
    `INSERT INTO lowcode_documents (id, kind, key, version, status, body, body_hash, note, author_id, author_name, created_at, updated_at)
     VALUES ($1, $2, $3, NULL, 'draft', $4::json, $5, $6, $7, $8, $9, $9)
     ON CONFLICT (kind, key) WHERE status = 'draft'
     DO UPDATE SET body = EXCLUDED.body, body_hash = EXCLUDED.body_hash, note = EXCLUDED.note, author_id = EXCLUDED.author_id,
                   author_name = EXCLUDED.author_name, updated_at = EXCLUDED.updated_at
     RETURNING *`,
    [randomUUID(), p.kind, p.key, JSON.stringify(p.body), hash, p.note ?? null, p.actor.id, p.actor.name, p.now],
  )
  await appendAudit(
    q,
    {
      actorId: p.actor.id,
      actorName: p.actor.name,
      requestId: p.actor.requestId ?? null,
      action: 'lowcode.draft_saved',
      targetType: p.kind,
      targetId: p.key,
      detail: { bodyHash: hash },
    },
    p.now,
  )
  return toVersion(rows[0]!)
}

/** Throw away the open draft; true when there was one. */
export async function discardDraft(
  q: Queryable,
  p: { kind: string; key: string; actor: DocumentActor; now: Date },
): Promise<boolean> {
  const r = await q.query<{ body_hash: string }>(
    `DELETE FROM lowcode_documents WHERE kind = $1 AND key = $2 AND status = 'draft' RETURNING body_hash`,
    [p.kind, p.key],
  )
  if (!r.rows[0]) return false
  await appendAudit(
    q,
    {
      actorId: p.actor.id,
      actorName: p.actor.name,
      requestId: p.actor.requestId ?? null,
      action: 'lowcode.draft_discarded',
      targetType: p.kind,
      targetId: p.key,
      detail: { bodyHash: r.rows[0].body_hash },
    },
    p.now,
  )
  return true
}

async function nextVersion(q: Queryable, kind: string, key: string): Promise<number> {
  // Serialise publishers of one document: the advisory lock lasts until the transaction ends.
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lowcode:${kind}:${key}`])
  return (
    ((
      await q.query<{ v: number | null }>(
        'SELECT max(version) AS v FROM lowcode_documents WHERE kind = $1 AND key = $2',
        [kind, key],
      )
    ).rows[0]?.v ?? 0) + 1
  )
}

/**
 * Publish a document: the open draft (when `draftHash` matches what the publisher reviewed) or,
 * for server code seeding a default, a given `body`. The result is a new numbered version that
 * becomes the running one at once. Audited. Routes must have called `requireStepUp` first.
 */
export async function publishDocument(
  q: Queryable,
  p: {
    kind: string
    key: string
    actor: DocumentActor
    now: Date
    note?: string | null | undefined
    draftHash?: string
    body?: Record<string, unknown>
  },
): Promise<LowcodeVersion> {
  const version = await nextVersion(q, p.kind, p.key)
  let row: Row | undefined
  if (p.body) {
    assertValid(p.kind, p.key, p.body)
    row = (
      await q.query<Row>(
        `INSERT INTO lowcode_documents (id, kind, key, version, status, body, body_hash, note, author_id, author_name, created_at, updated_at, published_at, published_by)
       VALUES ($1, $2, $3, $4, 'published', $5::json, $6, $7, $8, $9, $10, $10, $10, $9) RETURNING *`,
        [
          randomUUID(),
          p.kind,
          p.key,
          version,
          JSON.stringify(p.body),
          bodyHash(p.body),
          p.note ?? null,
          p.actor.id,
          p.actor.name,
          p.now,
        ],
      )
    ).rows[0]
  } else {
    const draft = await getDraft(q, p.kind, p.key)
    if (!draft) throw new DocumentError('no_draft', 'There is no draft to publish')
    if (p.draftHash && draft.bodyHash !== p.draftHash)
      throw new DocumentError('draft_changed', 'The draft changed after you reviewed it; review it again')
    assertValid(p.kind, p.key, draft.body)
    row = (
      await q.query<Row>(
        `UPDATE lowcode_documents SET status = 'published', version = $2, published_at = $3, published_by = $4, note = COALESCE($5, note)
       WHERE id = $1 RETURNING *`,
        [draft.id, version, p.now, p.actor.name, p.note ?? null],
      )
    ).rows[0]
  }
  const v = toVersion(row!)
  await appendAudit(
    q,
    {
      actorId: p.actor.id,
      actorName: p.actor.name,
      requestId: p.actor.requestId ?? null,
      action: 'lowcode.published',
      targetType: p.kind,
      targetId: p.key,
      detail: { version, bodyHash: v.bodyHash, note: v.note },
    },
    p.now,
  )
  return v
}

/** Make an earlier published version run again, as a new version copying its body. Audited. */
export async function rollbackDocument(
  q: Queryable,
  p: { kind: string; key: string; version: number; actor: DocumentActor; now: Date; note?: string | null | undefined },
): Promise<LowcodeVersion> {
  const target = await getVersion(q, p.kind, p.key, p.version)
  if (!target || target.status !== 'published')
    throw new DocumentError('no_version', `Version ${p.version} does not exist`)
  const running = await getRunningVersion(q, p.kind, p.key)
  if (running && running.bodyHash === target.bodyHash)
    throw new DocumentError('already_running', `Version ${p.version} is what runs now`)
  // The rules may have changed since (a new build's base fields): an old body must still pass them.
  assertValid(p.kind, p.key, target.body)
  const version = await nextVersion(q, p.kind, p.key)
  const row = (
    await q.query<Row>(
      `INSERT INTO lowcode_documents (id, kind, key, version, status, body, body_hash, note, author_id, author_name, created_at, updated_at, published_at, published_by, rolled_back_from)
     VALUES ($1, $2, $3, $4, 'published', $5::json, $6, $7, $8, $9, $10, $10, $10, $9, $11) RETURNING *`,
      [
        randomUUID(),
        p.kind,
        p.key,
        version,
        JSON.stringify(target.body),
        target.bodyHash,
        p.note ?? `Rollback to version ${p.version}`,
        p.actor.id,
        p.actor.name,
        p.now,
        p.version,
      ],
    )
  ).rows[0]!
  await appendAudit(
    q,
    {
      actorId: p.actor.id,
      actorName: p.actor.name,
      requestId: p.actor.requestId ?? null,
      action: 'lowcode.rolled_back',
      targetType: p.kind,
      targetId: p.key,
      detail: { version, from: p.version, bodyHash: target.bodyHash },
    },
    p.now,
  )
  return toVersion(row)
}

/**
 * Publish `body` as the first version when the document has never been published (seeds and
 * first start). Does nothing otherwise, so an administrator's later versions are never replaced.
 */
export async function ensurePublishedDocument(
  q: Queryable,
  p: { kind: string; key: string; body: Record<string, unknown>; now: Date },
): Promise<LowcodeVersion> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lowcode:${p.kind}:${p.key}`])
  return (
    (await getRunningVersion(q, p.kind, p.key)) ??
    publishDocument(q, {
      kind: p.kind,
      key: p.key,
      body: p.body,
      now: p.now,
      actor: { id: null, name: 'system' },
      note: 'Initial version',
    })
  )
}

/**
 * For a default that ships with the app: like {@link ensurePublishedDocument}, and when the
 * running version was published by the system (no administrator published or rolled back
 * since) but differs from this build's `body`, publish `body` as a new version. So a new
 * build's default takes over where nobody edited it, and never replaces an administrator's work.
 */
export async function ensureDefaultDocument(
  q: Queryable,
  p: { kind: string; key: string; body: Record<string, unknown>; now: Date },
): Promise<LowcodeVersion> {
  const running = await ensurePublishedDocument(q, p)
  if (running.authorId !== null || running.bodyHash === bodyHash(p.body)) return running
  return publishDocument(q, {
    kind: p.kind,
    key: p.key,
    body: p.body,
    now: p.now,
    actor: { id: null, name: 'system' },
    note: 'Default of this version of the app',
  })
}
