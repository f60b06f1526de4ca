import type { IdentifierKind, KnownScam, OfficialChannel } from '@suite/domain'
import type { CheckLists } from '@suite/scam-check'
import type { Queryable } from '../db/db'
import { newId } from './ids'

/** Users who may report and receive staff announcements: active internal roles. */
export const STAFF_SQL = "role IN ('partner','associate','staff','it_admin','compliance_officer') AND active"

/** The published registry and the known-scam list, as the check consults them, and when either last changed. */
export async function loadCheckLists(q: Queryable): Promise<CheckLists & { updatedAt: Date }> {
  const official = await q.query<{ kind: IdentifierKind; value: string; label: string; updated_at: Date }>(
    "SELECT kind, value, label, updated_at FROM support_channels WHERE status = 'published' ORDER BY kind, value",
  )
  const scams = await q.query<{ kind: IdentifierKind; value: string; added_at: Date }>(
    'SELECT kind, value, added_at FROM support_known_scams ORDER BY kind, value',
  )
  const times = [
    ...official.rows.map((r) => new Date(r.updated_at).getTime()),
    ...scams.rows.map((r) => new Date(r.added_at).getTime()),
    0,
  ]
  return {
    official: official.rows.map((r) => ({ kind: r.kind, value: r.value, label: r.label })),
    knownScams: scams.rows.map((r) => ({ kind: r.kind, value: r.value })),
    updatedAt: new Date(Math.max(...times)),
  }
}

/** A `support_channels` row. */
export interface ChannelRow {
  id: string
  kind: OfficialChannel['kind']
  value: string
  display: string
  label: string
  note: string | null
  status: OfficialChannel['status']
  retire_pending: boolean
  updated_at: Date
  published_at: Date | null
}

/** Map a registry row to the wire shape. */
export const toChannel = (r: ChannelRow): OfficialChannel => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  display: r.display,
  label: r.label,
  note: r.note,
  status: r.status,
  updatedAt: new Date(r.updated_at).toISOString(),
  publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
})

/** A contact as `@suite/scam-check` normalises it. */
export interface Contact {
  kind: IdentifierKind
  value: string
  display: string
}

/** The official-channel registry: drafts, publication, retirement. */
export const channelsRepo = {
  /** Every entry not retired (IT), or the published ones only (staff). */
  async list(q: Queryable, all: boolean): Promise<ChannelRow[]> {
    const where = all ? "status <> 'retired'" : "status = 'published'"
    return (await q.query<ChannelRow>(`SELECT * FROM support_channels WHERE ${where} ORDER BY kind, label`)).rows
  },

  /** A new draft entry; null when the contact is in the registry already. */
  async create(
    q: Queryable,
    c: Contact & { label: string; note: string | null; createdBy: string; now: Date },
  ): Promise<ChannelRow | null> {
    return (
      (
        await q.query<ChannelRow>(
          `INSERT INTO support_channels (id, kind, value, display, label, note, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (kind, value) DO NOTHING RETURNING *`,
          [newId('ch'), c.kind, c.value, c.display, c.label, c.note, c.createdBy, c.now],
        )
      ).rows[0] ?? null
    )
  },

  /** One entry, locked for a change. */
  async lock(q: Queryable, id: string): Promise<ChannelRow | null> {
    return (await q.query<ChannelRow>('SELECT * FROM support_channels WHERE id = $1 FOR UPDATE', [id])).rows[0] ?? null
  },

  /** Write an entry's fields; `redraft` (a changed contact) makes it a draft again. */
  async update(
    q: Queryable,
    id: string,
    c: Contact & { label: string; note: string | null; retirePending: boolean; redraft: boolean; now: Date },
  ): Promise<ChannelRow> {
    return (
      await q.query<ChannelRow>(
        `UPDATE support_channels SET kind = $2, value = $3, display = $4, label = $5, note = $6, retire_pending = $7, updated_at = $8,
         status = CASE WHEN $9 THEN 'draft' ELSE status END WHERE id = $1 RETURNING *`,
        [id, c.kind, c.value, c.display, c.label, c.note, c.retirePending, c.now, c.redraft],
      )
    ).rows[0]!
  },

  async remove(q: Queryable, id: string): Promise<void> {
    await q.query('DELETE FROM support_channels WHERE id = $1', [id])
  },

  /** Retire an entry at the next publication. */
  async retireLater(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query('UPDATE support_channels SET retire_pending = true, updated_at = $2 WHERE id = $1', [id, now])
  },

  /** Retire what waits for it and publish the drafts; how many of each. */
  async publish(q: Queryable, now: Date): Promise<{ published: number; retired: number }> {
    const retired = await q.query(
      "UPDATE support_channels SET status = 'retired', retire_pending = false, updated_at = $1 WHERE retire_pending AND status <> 'retired'",
      [now],
    )
    const published = await q.query(
      "UPDATE support_channels SET status = 'published', published_at = $1, updated_at = $1 WHERE status = 'draft'",
      [now],
    )
    return { published: published.rowCount, retired: retired.rowCount }
  },

  /** Whether a contact is a published official channel. */
  async isPublished(q: Queryable, kind: IdentifierKind, value: string): Promise<boolean> {
    return (
      (
        await q.query("SELECT 1 FROM support_channels WHERE kind = $1 AND value = $2 AND status = 'published'", [
          kind,
          value,
        ])
      ).rows.length > 0
    )
  },

  /** The internal staff the registry is announced to. */
  async staffIds(q: Queryable): Promise<string[]> {
    return (await q.query<{ id: string }>(`SELECT id FROM users WHERE ${STAFF_SQL}`)).rows.map((r) => r.id)
  },
}

/** A `support_known_scams` row with the name of who added it. */
interface KnownScamRow {
  id: string
  kind: KnownScam['kind']
  value: string
  display: string
  source: KnownScam['source']
  note: string | null
  added_at: Date
  added_by_name: string | null
}

/** A contact to list as a known scam. */
export interface NewKnownScam {
  kind: string
  value: string
  display: string
  source: KnownScam['source']
  note: string | null
  addedBy: string
  now: Date
}

/** The known-scam list: confirmed reports and imported lists. */
export const knownScamsRepo = {
  /** Entries whose value, display or note contain `search`, newest first (2000 at most). */
  async list(q: Queryable, search?: string): Promise<KnownScam[]> {
    const params: unknown[] = []
    let where = 'true'
    if (search) {
      params.push(`%${search.replace(/[\\%_]/g, (x) => `\\${x}`)}%`)
      where = '(k.value ILIKE $1 OR k.display ILIKE $1 OR k.note ILIKE $1)'
    }
    const { rows } = await q.query<KnownScamRow>(
      `SELECT k.*, u.name AS added_by_name FROM support_known_scams k LEFT JOIN users u ON u.id = k.added_by
       WHERE ${where} ORDER BY k.added_at DESC, k.id LIMIT 2000`,
      params,
    )
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      value: r.value,
      display: r.display,
      source: r.source,
      note: r.note,
      addedAt: new Date(r.added_at).toISOString(),
      addedByName: r.added_by_name,
    }))
  },

  /** Every listed contact as `kind:value`. */
  async keys(q: Queryable): Promise<Set<string>> {
    return new Set(
      (await q.query<{ k: string }>("SELECT kind || ':' || value AS k FROM support_known_scams")).rows.map((r) => r.k),
    )
  },

  /** List a contact; false when it is listed already. */
  async add(q: Queryable, e: NewKnownScam): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO support_known_scams (id, kind, value, display, source, note, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (kind, value) DO NOTHING`,
      [newId('ks'), e.kind, e.value, e.display, e.source, e.note, e.addedBy, e.now],
    )
    return r.rowCount > 0
  },

  /** Remove an entry; its contact, or null when there was none. */
  async remove(q: Queryable, id: string): Promise<{ kind: string; value: string } | null> {
    return (
      (
        await q.query<{ kind: string; value: string }>(
          'DELETE FROM support_known_scams WHERE id = $1 RETURNING kind, value',
          [id],
        )
      ).rows[0] ?? null
    )
  },
}
