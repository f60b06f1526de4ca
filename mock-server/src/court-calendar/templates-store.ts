import { BUNDLED_TEMPLATES, type RuleTemplate as EngineTemplate } from '@suite/court-rules'
import {
  COURT_RULE_TEMPLATE_KIND,
  RuleTemplateDocument,
  RuleTemplateKey,
  fieldErrorsOf,
  type LowcodeVersion,
  type RuleTemplate,
} from '@suite/domain'
import type { Queryable } from '../db/db'
import { canonicalJson } from '../audit/chain'
import {
  ensureDefaultDocument,
  getRunningVersion,
  listRunningVersions,
  listVersions,
  registerDocumentKind,
} from '../lowcode/documents'

/*
 * Rule templates are low-code documents `court_rule_template/<template id>`: administrators
 * create, edit, archive (`archived: true`) and roll them back in the admin app, publishing with
 * a step-up. The calculator and the deadline form read the running version on every request.
 */

const KIND = COURT_RULE_TEMPLATE_KIND

/** The document body of a bundled template, as shipped. */
function bundledBody(t: EngineTemplate): Record<string, unknown> {
  const { id: _id, ...body } = t
  return body
}

const sameContent = (a: RuleTemplateDocument, b: RuleTemplateDocument) => {
  const { archived: _a, ...x } = a
  const { archived: _b, ...y } = b
  return canonicalJson(x) === canonicalJson(y)
}

function fromVersion(v: LowcodeVersion): RuleTemplate {
  const doc = RuleTemplateDocument.parse(v.body)
  const bundled = BUNDLED_TEMPLATES.find((b) => b.id === v.key)
  const { archived, ...data } = doc
  return {
    ...data,
    id: v.key,
    version: v.version!,
    archived: archived ?? false,
    updatedAt: v.publishedAt,
    updatedBy: v.authorId,
    source: !bundled
      ? 'custom'
      : sameContent(doc, RuleTemplateDocument.parse(bundledBody(bundled)))
        ? 'bundled'
        : 'edited',
  }
}

/**
 * Make the document store check rule templates (call once at start), and publish every bundled
 * template that has no document yet, or whose document nobody but the system has published
 * (so a new build's bundled templates take over where no administrator changed them).
 */
export async function setUpTemplates(q: Queryable, now: Date): Promise<void> {
  registerDocumentKind(
    KIND,
    (body) => {
      const r = RuleTemplateDocument.safeParse(body)
      return r.success ? [] : fieldErrorsOf(r.error)
    },
    {
      key: (key) =>
        RuleTemplateKey.safeParse(key).success
          ? null
          : 'A template id is 2 to 80 lower-case letters, digits and dashes',
    },
  )
  for (const t of BUNDLED_TEMPLATES)
    await ensureDefaultDocument(q, { kind: KIND, key: t.id, body: bundledBody(t), now })
}

/** The running version of every template, archived ones only when asked. */
export async function listTemplates(q: Queryable, opts: { includeArchived?: boolean } = {}): Promise<RuleTemplate[]> {
  return (await listRunningVersions(q, KIND))
    .map(fromVersion)
    .filter((t) => opts.includeArchived || !t.archived)
    .sort((a, b) => a.id.localeCompare(b.id))
}

/** The running version of one template (archived or not), or null. */
export async function getTemplate(q: Queryable, id: string): Promise<RuleTemplate | null> {
  const v = await getRunningVersion(q, KIND, id)
  return v ? fromVersion(v) : null
}

/** Every published version of a template, newest first. */
export async function templateVersions(q: Queryable, id: string): Promise<RuleTemplate[]> {
  return (await listVersions(q, KIND, id)).map(fromVersion)
}
