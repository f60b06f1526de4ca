import type { RenderKind, Role, Tier } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { TimeIdCursor } from '../http/cursor'
import type { StoredBlob } from '../storage/blob-store'

/** A `case_documents` row with its uploader's name. */
export interface DocumentRow {
  id: string
  case_id: string
  tier: Tier
  title: string
  description: string
  filename: string
  mime: string
  size: number
  sha256: string
  render_kind: RenderKind
  render_sha256: string | null
  page_count: number | null
  version: number
  uploaded_by: string
  uploaded_by_name: string
  created_at: Date
  updated_at: Date
}

/** A move of a document between tiers, with the mover's name. */
export interface MoveRow {
  from_tier: Tier
  to_tier: Tier
  reason: string
  name: string
  moved_at: Date
}

/** One page shown to one viewer, with the viewer's name and role. */
export interface ViewRow {
  viewer_id: string
  name: string
  role: Role
  page: number
  started_at: Date
  duration_ms: number | null
}

/** The file of a version just stored, and how the viewer draws it. */
export interface StoredFile {
  filename: string
  mime: string
  size: number
  sha256: string
  render: RenderKind
  renderSha256: string | null
  pageCount: number | null
}

const DOC_SELECT = `SELECT d.id, d.case_id, d.tier, d.title, d.description, d.filename, d.mime, d.size, d.sha256, d.render_kind, d.render_sha256,
    d.page_count, d.version, d.uploaded_by, u.name AS uploaded_by_name, d.created_at, d.updated_at
  FROM case_documents d JOIN users u ON u.id = d.uploaded_by`

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (x) => `\\${x}`)}%`

/** What a document list is filtered by. */
export interface DocumentListFilter {
  caseId: string
  tier: Tier
  q?: string | undefined
  after: TimeIdCursor | null
  /** Rows to read: one more than the page, to know whether another follows. */
  take: number
}

/**
 * The documents of a case: `case_documents`, their versions, tier moves and page views, and
 * the `blobs` their files are stored as.
 */
export const documentsRepo = {
  /** One live (not deleted) document of a case, or null. */
  async find(q: Queryable, caseId: string, docId: string): Promise<DocumentRow | null> {
    return (
      (
        await q.query<DocumentRow>(`${DOC_SELECT} WHERE d.case_id = $1 AND d.id = $2 AND d.deleted_at IS NULL`, [
          caseId,
          docId,
        ])
      ).rows[0] ?? null
    )
  },

  /** Live documents of one tier, newest change first, after a (updated_at, id) cursor. */
  async list(q: Queryable, f: DocumentListFilter): Promise<DocumentRow[]> {
    const params: unknown[] = [f.caseId, f.tier]
    const where = ['d.case_id = $1', 'd.tier = $2', 'd.deleted_at IS NULL']
    if (f.q) {
      params.push(likePattern(f.q))
      where.push(`(d.title ILIKE $${params.length} OR d.filename ILIKE $${params.length})`)
    }
    if (f.after) {
      params.push(f.after[0], f.after[1])
      where.push(`(d.updated_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length})`)
    }
    params.push(f.take)
    return (
      await q.query<DocumentRow>(
        `${DOC_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.updated_at DESC, d.id DESC LIMIT $${params.length}`,
        params,
      )
    ).rows
  },

  /** A new document with its first version. */
  async create(
    q: Queryable,
    d: { id: string; caseId: string; tier: Tier; title: string; file: StoredFile; uploadedBy: string; now: Date },
  ): Promise<void> {
    const f = d.file
    await q.query(
      `INSERT INTO case_documents (id, case_id, tier, title, filename, mime, size, sha256, render_kind, render_sha256, page_count, uploaded_by,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
      [
        d.id,
        d.caseId,
        d.tier,
        d.title,
        f.filename,
        f.mime,
        f.size,
        f.sha256,
        f.render,
        f.renderSha256,
        f.pageCount,
        d.uploadedBy,
        d.now,
      ],
    )
    await insertVersion(q, d.id, 1, f, d.uploadedBy, d.now)
  },

  /** Version `version` of a document becomes its current file. */
  async addVersion(
    q: Queryable,
    docId: string,
    version: number,
    f: StoredFile,
    uploadedBy: string,
    now: Date,
  ): Promise<void> {
    await insertVersion(q, docId, version, f, uploadedBy, now)
    await q.query(
      `UPDATE case_documents SET version = $2, sha256 = $3, filename = $4, mime = $5, size = $6, render_kind = $7, render_sha256 = $8,
         page_count = $9, updated_at = $10 WHERE id = $1`,
      [docId, version, f.sha256, f.filename, f.mime, f.size, f.render, f.renderSha256, f.pageCount, now],
    )
  },

  /** Change what is given of title and description. */
  async update(
    q: Queryable,
    docId: string,
    c: { title?: string | undefined; description?: string | undefined },
    now: Date,
  ): Promise<void> {
    await q.query(
      'UPDATE case_documents SET title = COALESCE($2, title), description = COALESCE($3, description), updated_at = $4 WHERE id = $1',
      [docId, c.title ?? null, c.description ?? null, now],
    )
  },

  /** Delete (softly: the row and its files stay for the record). */
  async remove(q: Queryable, docId: string, by: string, now: Date): Promise<void> {
    await q.query('UPDATE case_documents SET deleted_at = $2, deleted_by = $3 WHERE id = $1', [docId, now, by])
  },

  /** Move a document to another tier, recording who and why. */
  async move(
    q: Queryable,
    m: { docId: string; from: Tier; to: Tier; reason: string; by: string; now: Date },
  ): Promise<void> {
    await q.query('UPDATE case_documents SET tier = $2, updated_at = $3 WHERE id = $1', [m.docId, m.to, m.now])
    await q.query(
      'INSERT INTO case_document_moves (document_id, from_tier, to_tier, reason, moved_by, moved_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [m.docId, m.from, m.to, m.reason, m.by, m.now],
    )
  },

  /** A document's tier moves, oldest first. */
  async moves(q: Queryable, docId: string): Promise<MoveRow[]> {
    return (
      await q.query<MoveRow>(
        `SELECT m.from_tier, m.to_tier, m.reason, u.name, m.moved_at FROM case_document_moves m JOIN users u ON u.id = m.moved_by
       WHERE m.document_id = $1 ORDER BY m.moved_at`,
        [docId],
      )
    ).rows
  },

  /** A page was sent to a viewer. */
  async recordView(
    q: Queryable,
    v: { docId: string; caseId: string; viewerId: string; version: number; page: number; now: Date },
  ): Promise<void> {
    await q.query(
      'INSERT INTO case_document_views (document_id, case_id, viewer_id, version, page, started_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [v.docId, v.caseId, v.viewerId, v.version, v.page, v.now],
    )
  },

  /** Fill in how long the viewer's latest open view of a page lasted; false when there is none. */
  async closeView(q: Queryable, docId: string, viewerId: string, page: number, durationMs: number): Promise<boolean> {
    const r = await q.query(
      `UPDATE case_document_views SET duration_ms = $4 WHERE id = (
         SELECT id FROM case_document_views WHERE document_id = $1 AND viewer_id = $2 AND page = $3 AND duration_ms IS NULL
         ORDER BY started_at DESC, id DESC LIMIT 1)`,
      [docId, viewerId, page, durationMs],
    )
    return r.rowCount > 0
  },

  /**
   * The newest 1000 page views of a document: all of them (`everyone`), or the caller's own
   * and those of people with one of `roles`.
   */
  async views(
    q: Queryable,
    docId: string,
    who: { everyone: boolean; viewerId: string; roles: readonly Role[] },
  ): Promise<ViewRow[]> {
    return (
      await q.query<ViewRow>(
        `SELECT v.viewer_id, u.name, u.role, v.page, v.started_at, v.duration_ms FROM case_document_views v JOIN users u ON u.id = v.viewer_id
       WHERE v.document_id = $1 AND ($2::boolean OR v.viewer_id = $3 OR u.role = ANY($4::text[]))
       ORDER BY v.started_at DESC, v.id DESC LIMIT 1000`,
        [docId, who.everyone, who.viewerId, [...who.roles]],
      )
    ).rows
  },

  /** Record stored blobs (the table the content store's files are referenced from). */
  async recordBlobs(q: Queryable, blobs: StoredBlob[]): Promise<void> {
    for (const b of blobs) {
      await q.query('INSERT INTO blobs (sha256, size, mime) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [
        b.sha256,
        b.size,
        b.mime,
      ])
    }
  },
}

async function insertVersion(
  q: Queryable,
  docId: string,
  version: number,
  f: StoredFile,
  uploadedBy: string,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO case_document_versions (document_id, version, sha256, filename, mime, size, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [docId, version, f.sha256, f.filename, f.mime, f.size, uploadedBy, now],
  )
}
