import { call, type Answer, type Session } from './client'
import type { AttackTarget } from './setup'

/**
 * Every route of the API, read from the server's own OpenAPI document (generated from the route
 * schemas, so a new route is attacked without anyone listing it), with request bodies that pass
 * validation, so a refusal comes from the permission check and not from the validator.
 */

/** The parts of JSON Schema the route schemas use. */
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  default?: unknown
  nullable?: boolean
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  format?: string
  pattern?: string
  minLength?: number
  minimum?: number
  exclusiveMinimum?: boolean | number
  minItems?: number
}
interface Parameter {
  in: 'path' | 'query' | 'header'
  name: string
  required?: boolean
  schema?: JsonSchema
}
interface RawOperation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}
interface OpenApi {
  paths: Record<string, Record<string, RawOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

/** One route: `POST /api/cases/{caseId}/documents` and what it takes. */
export interface Operation {
  method: string
  /** The OpenAPI template, `{param}` style. */
  path: string
  /** `METHOD /path`, for messages and tables. */
  key: string
  pathParams: string[]
  query: Parameter[]
  body: JsonSchema | undefined
  multipart: boolean
}

/** Routes a caller without a session may use (signing in by each of the ways there are). */
export const PUBLIC_ROUTES = new Set([
  'GET /api/auth/config',
  'POST /api/auth/dingtalk',
  'POST /api/auth/dev',
  'POST /api/invitations/preview',
  'POST /api/invitations/code',
  'POST /api/invitations/accept',
  'POST /api/sign-in-links/redeem',
  'POST /api/case-room/re-entry',
  'POST /api/case-room/re-entry/forget',
])

/** Routes only IT administrators and compliance officers reach (requireRole in routes/*). */
export function isAdminOnly(op: Pick<Operation, 'method' | 'path'>): boolean {
  const { method, path } = op
  if (/^\/api\/(admin|audit)\b/.test(path) || path.startsWith('/api/lowcode/documents')) return true
  if (/^\/api\/support\/(triage|known-scams|drills|dashboard)\b/.test(path)) return true
  if (path.startsWith('/api/support/channels') && method !== 'GET') return true
  if (method === 'GET' && path === '/api/classifier/policies') return true
  if (/^\/api\/court-calendar\/(holidays\/import|sync)/.test(path)) return true
  if (/^\/api\/court-calendar\/(closures|settings)/.test(path) && method !== 'GET') return true
  return false
}

let cached: { ops: Operation[]; doc: OpenApi } | null = null

/** The operations of the API, from `GET /api/openapi.json` (read once per file). */
export async function loadOperations(t: AttackTarget): Promise<Operation[]> {
  if (!cached) {
    const a = await call(t.baseURL, 'GET', '/api/openapi.json')
    if (a.status !== 200) throw new Error(`no OpenAPI document: ${a.status}`)
    const doc = a.json<OpenApi>()
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]): Operation => ({
          method: m.toUpperCase(),
          path,
          key: `${m.toUpperCase()} ${path}`,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          query: (op.parameters ?? []).filter((p) => p.in === 'query'),
          body: op.requestBody?.content?.['application/json']?.schema,
          multipart:
            !!op.requestBody?.content?.['multipart/form-data'] ||
            (/\/documents(\/\{docId\}\/versions)?$/.test(path) && m === 'post'),
        })),
    )
    cached = { ops, doc }
  }
  return cached.ops
}

const today = () => new Date().toISOString().slice(0, 10)
const PATTERN_SAMPLES = [
  'support-report',
  'form',
  'default',
  '0'.repeat(64),
  '123456',
  '08:00',
  'attack-value',
  'x',
  '1',
]

/** A small value that satisfies `s` (required properties only; defaults left to the server). */
export function example(s: JsonSchema | undefined, depth = 0): unknown {
  if (!s || depth > 8) return {}
  if (s.$ref) return example(cached?.doc.components?.schemas?.[s.$ref.split('/').pop()!], depth + 1)
  if (s.const !== undefined) return s.const
  if (s.enum?.length) return s.enum[0]
  const alt = s.oneOf ?? s.anyOf
  if (alt?.length) return example(alt[0], depth + 1)
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((x) => example(x, depth + 1)))
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type
  switch (type) {
    case 'boolean':
      return false
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum + (s.exclusiveMinimum === true ? 1 : 0) : 1
      return Math.max(min, 1)
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items, depth + 1))
    case 'string': {
      if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString()
      if (s.format === 'date') return today()
      if (s.format === 'uri' || s.format === 'url') return 'https://suite.example-firm.hk/apps/portal/'
      if (s.format === 'email') return 'attack@example.com'
      if (s.pattern) {
        const re = new RegExp(s.pattern)
        const hit = PATTERN_SAMPLES.find((v) => re.test(v))
        if (hit) return hit
      }
      return 'attack'.padEnd(Math.max(s.minLength ?? 1, 6), 'x')
    }
    case 'object':
    case undefined: {
      const props = s.properties ?? {}
      return Object.fromEntries(
        (s.required ?? []).filter((k) => k in props).map((k) => [k, example(props[k], depth + 1)]),
      )
    }
    default:
      return null
  }
}

/** Bodies the schema cannot describe (zod refinements): what a valid request carries. */
const BODY_OVERRIDES: Record<string, unknown> = {
  'PATCH /api/cases/{caseId}': { title: 'attack' },
  'POST /api/cases/{caseId}/members': { userIds: ['u-lee'] },
  'PATCH /api/cases/{caseId}/documents/{docId}': { title: 'attack' },
  'PATCH /api/cases/{caseId}/events/{eventId}': { title: 'attack' },
  'POST /api/cases/{caseId}/invitations': {
    name: 'attack',
    role: 'client',
    tierCeiling: 'public',
    accessExpiry: { kind: 'date', date: '2099-12-31' },
    contact: 'attack@example.com',
  },
}

/** A request body that passes validation (undefined: the route takes none or a file). */
export function bodyFor(op: Operation): unknown {
  if (op.key in BODY_OVERRIDES) return BODY_OVERRIDES[op.key]
  if (op.multipart || !op.body) return op.method === 'GET' || op.method === 'DELETE' ? undefined : {}
  return example(op.body)
}

/** Required query parameters with valid values; `given` ones (e.g. tier, caseId) override. */
export function queryFor(op: Operation, given: Record<string, string> = {}): string {
  const q = new URLSearchParams()
  for (const p of op.query) {
    if (p.name in given) q.set(p.name, given[p.name]!)
    else if (p.required) q.set(p.name, String(example(p.schema)))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

/** Fill `{param}`s of a template. */
export function fillPath(op: Operation, value: (param: string) => string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)))
}

/** Ids that break naive code (a path parameter's garbage). */
export const GARBAGE = ["x' OR '1'='1", '..', '😀', '9'.repeat(30), '-1', 'null', '<script>', 'a'.repeat(65)]

/** Send `op` as `who` (null: no session), with valid body and query. */
export function send(
  t: AttackTarget,
  who: Session | null,
  op: Operation,
  path: string,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const body = bodyFor(op)
  const json = body === undefined ? {} : { json: body }
  if (who) return who.send(op.method, path, { ...json, headers: extra })
  return call(t.baseURL, op.method, path, { ...json, headers: extra })
}

/** Run `fn` over `items`, `n` at a time. */
export async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]!)
    }),
  )
}
