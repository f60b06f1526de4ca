import { Writable } from 'node:stream'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CASES, DEMO_USERS } from '@suite/domain/testing'
import { buildApp, type App } from './app'
import { createTestApp, type TestApp } from './testing'

/**
 * Property-based fuzz of every route in the OpenAPI document: random, schema-shaped, malformed
 * and oversized input, with and without a session (several roles, with and without the CSRF
 * header): the server never answers 5xx and keeps serving. Deterministic: a fixed seed per
 * route (FUZZ_SEED, FUZZ_RUNS to explore more). A failure names the route, the request and
 * the error the server logged.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20260302)
const RUNS = Number(process.env.FUZZ_RUNS ?? 30)

interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
}
interface Parameter {
  in: 'path' | 'query' | 'header'
  name: string
  required?: boolean
  schema?: JsonSchema
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}

// Strings that reach deeper than random text: ids that exist, and ones that break naive code.
const KNOWN_IDS = [
  ...DEMO_CASES.map((c) => c.id),
  ...DEMO_USERS.map((u) => u.id),
  'public',
  'restricted',
  'private',
  'support-report',
  '1',
  '0',
  '-1',
]
const NASTY = [
  '',
  ' ',
  '..',
  '../..',
  '%',
  '%00',
  '\u0000',
  '\u202e',
  '😀',
  'null',
  'undefined',
  '[]',
  '{}',
  "' OR 1=1 --",
  '<script>',
  'a'.repeat(300),
  '9'.repeat(40),
  '2026-02-30',
  '1e309',
  'NaN',
]
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_IDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
)

/** Values shaped by a JSON schema (what the route's validator mostly accepts). */
function fromSchema(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.jsonValue({ maxDepth: 2 })
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const alts = s.anyOf ?? s.oneOf
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)))
  if (s.allOf?.length) return fromSchema(s.allOf[0], depth + 1)
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  if (types.length > 1) return fc.oneof(...types.map((t) => fromSchema({ ...s, type: t }, depth)))
  switch (types[0]) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e9), max: Math.min(s.maximum ?? 100_000, 1e9) })
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true })
    case 'string': {
      if (s.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString())
      if (s.format === 'date')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10))
      if (s.format === 'email') return fc.emailAddress()
      if (s.format === 'uri') return fc.webUrl()
      const min = s.minLength ?? 0
      return fc.oneof(fc.string({ minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 40, 40)) }), text)
    }
    case 'array':
      return fc.array(fromSchema(s.items, depth + 1), {
        minLength: Math.min(s.minItems ?? 0, 3),
        maxLength: Math.min(s.maxItems ?? 4, 4),
      })
    case 'object': {
      const props = s.properties ?? {}
      const keys = Object.keys(props)
      if (!keys.length) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })
      return fc.record(Object.fromEntries(keys.map((k) => [k, fromSchema(props[k], depth + 1)])), {
        requiredKeys: (s.required ?? []).filter((k) => k in props),
      })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Valid-looking values, values of the wrong type, and plain garbage, for one field or body. */
const mutated = (s: JsonSchema | undefined) =>
  fc.oneof(
    { weight: 4, arbitrary: fromSchema(s) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 3 })) },
  )

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'oversized' }

function bodyArb(op: Operation): fc.Arbitrary<Body> {
  const schema = op.requestBody?.content?.['application/json']?.schema
  const raw = fc.record({
    kind: fc.constant('raw' as const),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=fuzz',
      'multipart/form-data',
      'application/octet-stream',
    ),
    text: fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '{"a":',
        '[1,2',
        '{"__proto__":{"x":1}}',
        '--fuzz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--fuzz--\r\n',
        'null',
        '""',
        '{}',
      ),
    ),
  })
  return fc.oneof(
    { weight: schema ? 6 : 1, arbitrary: mutated(schema).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'oversized' as const }) },
  )
}

type Who = 'none' | 'partner' | 'partner_no_csrf' | 'associate' | 'client' | 'expert' | 'it_admin' | 'compliance'
const WHO: Who[] = ['none', 'partner', 'partner_no_csrf', 'associate', 'client', 'expert', 'it_admin', 'compliance']

interface Request {
  who: Who
  path: Record<string, string>
  query: Record<string, unknown>
  body: Body
}

function requestArb(op: Operation): fc.Arbitrary<Request> {
  const params = op.parameters ?? []
  const pathParams = params.filter((p) => p.in === 'path')
  const queryParams = params.filter((p) => p.in === 'query')
  const path = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof({ weight: 3, arbitrary: fromSchema(p.schema).map(String) }, { weight: 3, arbitrary: text }),
      ]),
    ),
  )
  const query = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, mutated(p.schema)])), {
        requiredKeys: [],
      }),
    },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.oneof(text, fc.constantFrom(...queryParams.map((p) => p.name), 'limit', 'cursor')),
        fc.oneof(text, fc.array(text, { maxLength: 3 })),
        { maxKeys: 4 },
      ),
    },
  )
  return fc.record({ who: fc.constantFrom(...WHO), path, query, body: bodyArb(op) })
}

let t: TestApp
let app: App
const logged: string[] = []
const sessions = new Map<Who, { cookie: string; csrf: string }>()

beforeAll(async () => {
  t = await createTestApp()
  t.setNow(new Date('2026-03-02T02:00:00.000Z'))
  // A second app on the same dependencies, logging errors here, so a failure can say why.
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk))
      done()
    },
  })
  app = await buildApp(t.deps, { logger: { level: 'error', stream: sink } })
  const users: [Who, string][] = [
    ['partner', 'u-chan'],
    ['associate', 'u-lee'],
    ['client', 'u-client-tse'],
    ['expert', 'u-expert-fung'],
    ['it_admin', 'u-lam'],
    ['compliance', 'u-ng'],
  ]
  for (const [who, id] of users) {
    const c = await t.signIn(id)
    sessions.set(who, { cookie: c.cookie, csrf: c.csrf })
  }
  sessions.set('partner_no_csrf', { cookie: sessions.get('partner')!.cookie, csrf: '' })
  // Admin and partner sessions hold a fresh step-up, so the routes behind it are reached too.
  await t.db
    .query(
      `INSERT INTO session_step_ups (session_id_hash, user_id, method, granted_at, expires_at)
     SELECT s.id_hash, s.user_id, 'totp', now(), now() + interval '1 day' FROM sessions s WHERE s.user_id IN ('u-lam', 'u-chan', 'u-ng')
     ON CONFLICT DO NOTHING`,
    )
    .catch(() => undefined)
}, 120_000)

afterAll(async () => {
  await app?.close()
  await t?.close()
})

/** Turn a generated request into an inject call. */
function inject(method: string, template: string, r: Request) {
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(r.path[name] ?? 'x'))
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(r.query)) {
    if (v === undefined) continue
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, typeof item === 'string' ? item : JSON.stringify(item))
  }
  const headers: Record<string, string> = {}
  const s = sessions.get(r.who)
  if (s) {
    headers.cookie = s.cookie
    if (s.csrf) headers['x-csrf-token'] = s.csrf
  }
  let payload: string | undefined
  if ((method !== 'GET' && method !== 'DELETE') || r.body.kind !== 'none') {
    if (r.body.kind === 'json') {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(r.body.value) ?? 'null'
    }
    if (r.body.kind === 'raw') {
      headers['content-type'] = r.body.contentType
      payload = r.body.text
    }
    if (r.body.kind === 'oversized') {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify({ blob: 'x'.repeat(t.env.BODY_LIMIT_BYTES + 1024) })
    }
  }
  const full = qs.size ? `${url}?${qs}` : url
  return {
    url: full,
    headers,
    payload,
    run: () =>
      app.inject({ method: method as 'GET', url: full, headers, ...(payload === undefined ? {} : { payload }) }),
  }
}

const doc = await (async () => {
  const probe = await createTestApp({ seed: false })
  try {
    return (await probe.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>
    }>()
  } finally {
    await probe.close()
  }
})()
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([m, op]) => ({ method: m.toUpperCase(), path, op })),
)

describe('fuzz of every API route (OpenAPI)', () => {
  it('covers the API', () => {
    expect(operations.length).toBeGreaterThan(20)
  })

  operations.forEach(({ method, path, op }, i) => {
    it(`${method} ${path} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArb(op), async (r) => {
          const call = inject(method, path, r)
          logged.length = 0
          const res = await call.run()
          if (res.statusCode >= 500) {
            const why = logged
              .map((l) => {
                try {
                  const j = JSON.parse(l)
                  return `${j.msg}: ${j.err?.type ?? ''} ${j.err?.message ?? ''}\n${String(j.err?.stack ?? '')
                    .split('\n')
                    .slice(1, 4)
                    .join('\n')}`
                } catch {
                  return l
                }
              })
              .join('\n')
            throw new Error(
              `${method} ${call.url} as ${r.who} -> ${res.statusCode} ${res.body.slice(0, 300)}\n` +
                `body: ${call.payload === undefined ? '(none)' : `${call.headers['content-type']} ${call.payload.slice(0, 300)}`}\nserver log: ${why || '(nothing logged)'}`,
            )
          }
        }),
        { seed: SEED + i, numRuns: RUNS, endOnFailure: true },
      )
    })
  })

  it('still serves after the fuzzing', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: sessions.get('partner')!.cookie },
    })
    expect([200, 401]).toContain(me.statusCode)
  })
})
