import { BUNDLED_TEMPLATES, type RuleTemplate as EngineTemplate } from '@suite/court-rules'
import type { RuleTemplate} from '@suite/domain';
import { RuleTemplateData } from '@suite/domain'
import type { Queryable } from '../db/db'

interface Row { id: string; version: number; data: unknown; archived: boolean; created_by: string | null; created_at: Date }

function fromBundled(t: EngineTemplate): RuleTemplate {
  const data = RuleTemplateData.parse(t)
  return { ...data, id: t.id, version: 0, source: 'bundled', archived: false, updatedAt: null, updatedBy: null }
}

function fromRow(r: Row): RuleTemplate {
  const data = RuleTemplateData.parse(r.data)
  const bundled = BUNDLED_TEMPLATES.some((b) => b.id === r.id)
  return {
    ...data, id: r.id, version: r.version, source: bundled ? 'edited' : 'custom', archived: r.archived,
    updatedAt: new Date(r.created_at).toISOString(), updatedBy: r.created_by,
  }
}

/** The latest version of every template (bundled ones at version 0 until edited), archived included when asked. */
export async function listTemplates(q: Queryable, opts: { includeArchived?: boolean } = {}): Promise<RuleTemplate[]> {
  const { rows } = await q.query<Row>(
    `SELECT DISTINCT ON (id) id, version, data, archived, created_by, created_at FROM court_rule_templates ORDER BY id, version DESC`)
  const stored = new Map(rows.map((r) => [r.id, fromRow(r)]))
  const all = [...BUNDLED_TEMPLATES.filter((b) => !stored.has(b.id)).map(fromBundled), ...stored.values()]
  return all.filter((t) => opts.includeArchived || !t.archived).sort((a, b) => a.id.localeCompare(b.id))
}

/** The latest version of one template, or null. */
export async function getTemplate(q: Queryable, id: string): Promise<RuleTemplate | null> {
  const r = (await q.query<Row>('SELECT * FROM court_rule_templates WHERE id = $1 ORDER BY version DESC LIMIT 1', [id])).rows[0]
  if (r) return fromRow(r)
  const b = BUNDLED_TEMPLATES.find((t) => t.id === id)
  return b ? fromBundled(b) : null
}

/** Every stored version of a template, newest first (the bundled version 0 last when it exists). */
export async function templateVersions(q: Queryable, id: string): Promise<RuleTemplate[]> {
  const { rows } = await q.query<Row>('SELECT * FROM court_rule_templates WHERE id = $1 ORDER BY version DESC', [id])
  const b = BUNDLED_TEMPLATES.find((t) => t.id === id)
  return [...rows.map(fromRow), ...(b ? [fromBundled(b)] : [])]
}

/** Store a new version (create, edit, archive or restore). */
export async function saveTemplateVersion(q: Queryable, id: string, data: RuleTemplateData, archived: boolean, actorId: string | null, now: Date): Promise<RuleTemplate> {
  const prev = (await q.query<{ v: number | null }>('SELECT max(version) AS v FROM court_rule_templates WHERE id = $1', [id])).rows[0]?.v ?? 0
  const { rows } = await q.query<Row>(
    'INSERT INTO court_rule_templates (id, version, data, archived, created_by, created_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6) RETURNING *',
    [id, prev + 1, JSON.stringify(data), archived, actorId, now])
  return fromRow(rows[0]!)
}
