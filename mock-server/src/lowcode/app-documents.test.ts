import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, stepUpWithDingTalk, type TestApp, type TestCredentials } from '../testing'
import { COURT_TEST_ENV } from '../court-calendar/test-helpers'

/*
 * The three documents the apps run on (the support report form, the classifier's label policy,
 * a court rule template) change only through the low-code publication: a draft, then a publish
 * or rollback that needs a fresh step-up; the apps' own read endpoints serve the new running
 * version at once (no redeploy, no app-side write route).
 */

let t: TestApp
let admin: TestCredentials
let staff: TestCredentials
beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  admin = await t.signIn('u-lam')
  staff = await t.signIn('u-cheung')
})
afterAll(async () => {
  await t.close()
})

const inject = (creds: TestCredentials, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: creds.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
const refusals = async (kind: string, key: string) =>
  (
    await t.db.query<{ actor_id: string; detail: { operation: string } }>(
      `SELECT actor_id, detail FROM audit_log WHERE action = 'step_up.refused' AND target_type = $1 AND target_id = $2 ORDER BY seq`,
      [kind, key],
    )
  ).rows

interface Doc {
  name: string
  kind: string
  key: string
  /** A changed body from the running one. */
  change: (running: Record<string, unknown>) => Record<string, unknown>
  /** What the app reads now, reduced to [version, a value the change touches]. */
  read: () => Promise<[number, unknown]>
  changed: unknown
}

const docs: Doc[] = [
  {
    name: 'support report form',
    kind: 'form',
    key: 'support-report',
    change: (b) => ({
      ...b,
      fields: [
        ...(b.fields as unknown[]),
        { name: 'matter', type: 'text', label: { 'zh-HK': '案件', 'zh-CN': '案件', en: 'Matter' } },
      ],
    }),
    read: async () => {
      const f = (await inject(staff, 'GET', '/api/support/form')).json<{
        version: number
        schema: { fields: { name: string }[] }
      }>()
      return [f.version, f.schema.fields.at(-1)!.name]
    },
    changed: 'matter',
  },
  {
    name: 'label policy',
    kind: 'classification_policy',
    key: 'default',
    change: (b) => ({ ...b, defaultLabel: 'confidential' }),
    read: async () => {
      const p = (await inject(staff, 'GET', '/api/classifier/policies/active')).json<{
        version: number
        policy: { defaultLabel: string }
      }>()
      return [p.version, p.policy.defaultLabel]
    },
    changed: 'confidential',
  },
  {
    name: 'court rule template',
    kind: 'court_rule_template',
    key: 'defence',
    change: (b) => ({ ...b, period: 35 }),
    read: async () => {
      const list = (await inject(staff, 'GET', '/api/court-calendar/rule-templates')).json<{
        items: { id: string; version: number; period: number }[]
      }>()
      const tpl = list.items.find((x) => x.id === 'defence')!
      const calc = (
        await inject(staff, 'POST', '/api/court-calendar/calculate', { from: '2026-03-02', templateId: 'defence' })
      ).json<{ deadline: string }>()
      return [tpl.version, `${tpl.period} days: ${calc.deadline}`]
    },
    changed: '35 days: 2026-04-08',
  },
]

describe('publishing the apps’ documents', () => {
  it.each(docs)(
    '$name: refused without a fresh step-up (audited), accepted with one; the app reads the new version at once; a rollback likewise',
    async (d) => {
      const url = `/api/lowcode/documents/${d.kind}/${d.key}`
      await inject(admin, 'DELETE', '/api/step-up')
      const running = (await inject(admin, 'GET', url)).json<{
        running: { version: number; body: Record<string, unknown> }
      }>().running
      const [before, was] = await d.read()
      expect(before).toBe(running.version)
      expect(was).not.toEqual(d.changed)

      // Drafts need no step-up; publishing does, and the refusal is audited.
      const draft = await inject(admin, 'PUT', `${url}/draft`, { body: d.change(running.body) })
      expect(draft.statusCode, draft.body).toBe(200)
      const refused = await inject(admin, 'POST', `${url}/publish`, { draftHash: draft.json().bodyHash })
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.code).toBe('step_up_required')
      expect((await refusals(d.kind, d.key)).at(-1)).toMatchObject({
        actor_id: 'u-lam',
        detail: { operation: 'lowcode.publish' },
      })
      expect(await d.read()).toEqual([before, was])

      await stepUpWithDingTalk(t, admin)
      const published = await inject(admin, 'POST', `${url}/publish`, { draftHash: draft.json().bodyHash })
      expect(published.statusCode, published.body).toBe(200)
      expect(published.json().version).toBe(before + 1)
      expect(await d.read()).toEqual([before + 1, d.changed])

      // Rolling back is privileged too: a new version with the old body, which the app reads at once.
      await inject(admin, 'DELETE', '/api/step-up')
      const count = (await refusals(d.kind, d.key)).length
      const noRollback = await inject(admin, 'POST', `${url}/rollback`, { version: before })
      expect(noRollback.statusCode).toBe(403)
      expect(await refusals(d.kind, d.key)).toHaveLength(count + 1)
      expect((await d.read())[0]).toBe(before + 1)
      await stepUpWithDingTalk(t, admin)
      expect((await inject(admin, 'POST', `${url}/rollback`, { version: before })).statusCode).toBe(200)
      expect(await d.read()).toEqual([before + 2, was])

      const audited = (
        await t.db.query<{ action: string; actor_id: string | null }>(
          `SELECT action, actor_id FROM audit_log WHERE target_type = $1 AND target_id = $2 AND action IN ('lowcode.published', 'lowcode.rolled_back') ORDER BY seq`,
          [d.kind, d.key],
        )
      ).rows
      expect(audited.slice(-2)).toEqual([
        { action: 'lowcode.published', actor_id: 'u-lam' },
        { action: 'lowcode.rolled_back', actor_id: 'u-lam' },
      ])
      expect(
        (await inject(admin, 'GET', `${url}/versions`)).json().items.map((v: { version: number }) => v.version),
      ).toEqual(Array.from({ length: before + 2 }, (_, i) => before + 2 - i))
    },
  )

  it('a step-up does not let someone who is not an administrator publish them', async () => {
    await stepUpWithDingTalk(t, staff)
    for (const d of docs) {
      const r = await inject(staff, 'PUT', `/api/lowcode/documents/${d.kind}/${d.key}/draft`, { body: {} })
      expect(r.statusCode).toBe(403)
      expect(r.json().error.code).toBe('forbidden')
    }
  })
})
