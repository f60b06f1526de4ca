import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as domain from '@suite/domain'
import type { AnyEndpoint } from '@suite/domain'
import { createTestApp, type TestApp } from '../testing'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ seed: false })
})
afterAll(async () => {
  await t.close()
})

/** Every endpoint definition `@suite/domain` exports, found by walking its `<area>Api` objects. */
function definitions(): AnyEndpoint[] {
  const out: AnyEndpoint[] = []
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return
    const e = v as Partial<AnyEndpoint>
    if (typeof e.method === 'string' && typeof e.path === 'string' && typeof e.responseKind === 'string') {
      out.push(e as AnyEndpoint)
      return
    }
    for (const child of Object.values(v)) walk(child)
  }
  for (const [name, value] of Object.entries(domain)) if (name.endsWith('Api')) walk(value)
  return out
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`

describe('the endpoint contract', () => {
  it('serves every definition, once, and the OpenAPI document lists exactly the visible ones', async () => {
    const defs = definitions()
    expect(defs.length).toBeGreaterThan(100)
    const keys = defs.map((e) => key(e.method, e.path))
    expect(new Set(keys).size).toBe(keys.length)
    for (const e of defs)
      expect(t.app.hasRoute({ method: e.method, url: `/api${e.path}` }), key(e.method, e.path)).toBe(true)

    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => key(m, p.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1'))),
    )
    expect(documented.sort()).toEqual(
      defs
        .filter((e) => !e.hidden)
        .map((e) => key(e.method, e.path))
        .sort(),
    )
  })
})
