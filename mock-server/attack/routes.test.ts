import { beforeAll, describe, expect, it } from 'vitest'
import { Session, addDingTalkUser, inviteExternal, signIn, signInDingTalk, signInExternal, target } from './client'
import {
  GARBAGE,
  PUBLIC_ROUTES,
  fillPath,
  isAdminOnly,
  loadOperations,
  pool,
  queryFor,
  send,
  type Operation,
} from './catalogue'
import { DEMO, caseItems, type CaseItems } from './fixtures'

/**
 * Every route of the OpenAPI document, called from outside as every role and every ended
 * session, with real ids of a case the caller may not see and with garbage. The in-process
 * permission matrix (mock-server/src/case-room/matrix.test.ts) checks the table; this checks what an
 * outsider gets back over the wire.
 */

/** A real id for each path parameter of `op`, taken from `items` (`doc`: which document). */
function realIds(op: Operation, items: CaseItems, doc = items.restrictedDoc): (param: string) => string {
  return (p) => {
    if (p === 'caseId') return items.caseId
    if (p === 'docId') return doc
    if (p === 'targetId')
      return op.path.includes('/documents/') ? doc : op.path.includes('/events/') ? items.eventId : 'private'
    if (p === 'eventId') return items.eventId
    if (p === 'invitationId') return items.invitationId
    if (p === 'userId') return 'u-lee'
    if (p === 'id') return idOf(op.path, items)
    if (p === 'kind') return 'classification_policy'
    if (p === 'key') return op.path.includes('/forms/') ? 'support-report' : 'default'
    if (p === 'date') return '2026-12-25'
    if (p === 'sha') return '0'.repeat(64)
    return '1'
  }
}

/** The item an `{id}` route of the court calendar or the admin screens is about. */
function idOf(path: string, items: CaseItems): string {
  if (path.startsWith('/api/court-calendar/hearings')) return items.hearingId
  if (path.startsWith('/api/court-calendar/deadlines')) return items.deadlineId
  if (path.startsWith('/api/court-calendar/triggers')) return items.triggerId
  if (path.startsWith('/api/admin/users')) return 'u-cheung'
  return 'attack-missing-id'
}

/** The URL of `op` on `items`' case (tier and caseId query parameters point there too). */
const urlOf = (op: Operation, items: CaseItems, doc?: string, tier = 'private') =>
  fillPath(op, realIds(op, items, doc)) + queryFor(op, { tier, caseId: items.caseId })

interface Outcome {
  who: string
  op: Operation
  url: string
  status: number
  code: string | undefined
}

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: every route, from outside`, () => {
    const t = target(name)
    let ops: Operation[]
    let items: CaseItems
    let expiredCaseItems: CaseItems
    const who: Record<string, Session> = {}
    const outcomes: Outcome[] = []

    /** Call `op` at `url` as `label` and remember the answer (every answer is checked for 5xx). */
    async function hit(label: string, s: Session | null, op: Operation, url: string): Promise<Outcome> {
      const a = await send(t, s, op, url)
      const o = { who: label, op, url, status: a.status, code: a.code }
      outcomes.push(o)
      return o
    }
    const listed = (bad: Outcome[]) => bad.map((o) => `${o.who} ${o.op.method} ${o.url} -> ${o.status} ${o.code ?? ''}`)

    beforeAll(async () => {
      ops = await loadOperations(t)
      const chan = await signIn(t, 'u-chan')
      const wong = await signIn(t, 'u-wong')
      items = await caseItems(chan, DEMO.case, `routes-${name}`)
      expiredCaseItems = await caseItems(chan, DEMO.expiredCase, `routes-x-${name}`)
      Object.assign(who, {
        partner: chan,
        associate: await signIn(t, 'u-lee'),
        staff: await signIn(t, 'u-cheung'),
        it_admin: await signIn(t, 'u-lam'),
        compliance: await signIn(t, 'u-ng'),
        walled: await signIn(t, 'u-ho'),
        client: await signInExternal(t, chan, DEMO.case, 'u-client-tse'),
        expert: await signInExternal(t, chan, DEMO.case, 'u-expert-fung'),
        outsider: await signInExternal(t, wong, DEMO.otherCase, 'u-client-leong'),
      })
      // An outsider whose membership of the case the firm revoked (their session lives on).
      const revoked = await inviteExternal(chan, DEMO.case, `Routes revoked ${name}`)
      expect((await chan.delete(`/api/cases/${DEMO.case}/members/${revoked.userId}`)).status).toBe(204)
      const gone = await signIn(t, 'u-cheung')
      expect((await gone.post('/api/auth/sign-out')).status).toBe(204)
      await addDingTalkUser(t, `dt-attack-routes-${name}`, 'Routes Leaver')
      const leaver = await signInDingTalk(t, `dt-attack-routes-${name}`)
      expect((await who.it_admin!.post(`/api/admin/users/${leaver.userId}/deactivate`)).status).toBe(200)
      Object.assign(who, { signed_out: gone, deactivated: leaver, revoked_member: revoked })
    }, 120_000)

    it('answers 401 to no session, a signed-out, a deactivated and an expired session on every route but signing in', async () => {
      const ended: [string, Session | null][] = [
        ['anonymous', null],
        ['signed_out', who.signed_out!],
        ['deactivated', who.deactivated!],
      ]
      if (t.expiredCookie) ended.push(['expired', new Session(t, 'u-lee', t.expiredCookie, 'stale-csrf')])
      const calls = ended.flatMap(([label, s]) =>
        ops.filter((op) => !PUBLIC_ROUTES.has(op.key)).map((op) => ({ label, s, op })),
      )
      const bad: Outcome[] = []
      await pool(calls, 4, async ({ label, s, op }) => {
        const o = await hit(label, s, op, urlOf(op, items))
        if (o.status !== 401) bad.push(o)
      })
      expect(listed(bad)).toEqual([])
      expect(calls.length).toBeGreaterThan(100)
    })

    it('does not tell anonymous callers which hearing, deadline or trigger ids exist (401 for missing ids too)', async () => {
      const courtOps = ops.filter((op) => /^\/api\/court-calendar\/(hearings|deadlines|triggers)\/\{id\}/.test(op.path))
      const bad: Outcome[] = []
      await pool(courtOps, 4, async (op) => {
        const o = await hit(
          'anonymous',
          null,
          op,
          fillPath(op, () => 'attack-missing-id'),
        )
        if (o.status !== 401) bad.push(o)
      })
      expect(listed(bad)).toEqual([])
      expect(courtOps.length).toBeGreaterThan(8)
    })

    it('answers 404 to an outsider, a walled lawyer, a revoked member and a lapsed expert for every route of a case they are not in', async () => {
      const caseOps = ops.filter(
        (op) =>
          op.pathParams.includes('caseId') ||
          /^\/api\/court-calendar\/(hearings|deadlines|triggers)\/\{id\}/.test(op.path) ||
          op.key === 'GET /api/court-calendar/triggers',
      )
      const strangers: [string, Session, CaseItems][] = [
        ['outsider', who.outsider!, items],
        ['walled', who.walled!, items],
        ['revoked member', who.revoked_member!, items],
        ['expert (expired there)', who.expert!, expiredCaseItems],
      ]
      const bad: Outcome[] = []
      await pool(
        strangers.flatMap(([label, s, its]) => caseOps.map((op) => ({ label, s, its, op }))),
        4,
        async ({ label, s, its, op }) => {
          const o = await hit(label, s, op, urlOf(op, its))
          if (o.status !== 404) bad.push(o)
        },
      )
      expect(listed(bad)).toEqual([])
    })

    it('answers 404 to a client for the private tier: its documents, listing, upload, comments and strategy thread', async () => {
      const privateOps = ops.filter(
        (op) =>
          op.pathParams.includes('docId') ||
          /\/(documents|threads)\/\{targetId\}/.test(op.path) ||
          op.path === '/api/cases/{caseId}/documents',
      )
      const bad: Outcome[] = []
      await pool(privateOps, 4, async (op) => {
        const o = await hit('client', who.client!, op, urlOf(op, items, items.privateDoc, 'private'))
        if (o.status !== 404) bad.push(o)
      })
      expect(listed(bad)).toEqual([])
      expect(privateOps.length).toBeGreaterThan(10)
    })

    it('answers 403 to every other role on the administration routes', async () => {
      const adminOps = ops.filter(isAdminOnly)
      const roles = ['partner', 'associate', 'staff', 'walled', 'client', 'expert'] as const
      const bad: Outcome[] = []
      await pool(
        roles.flatMap((r) => adminOps.map((op) => ({ r, op }))),
        4,
        async ({ r, op }) => {
          const o = await hit(r, who[r]!, op, urlOf(op, items))
          if (o.status !== 403) bad.push(o)
        },
      )
      expect(listed(bad)).toEqual([])
      expect(adminOps.length).toBeGreaterThan(30)
    })

    it('never answers 5xx: every read with real ids as every role, every route with garbage ids', async () => {
      const roles = Object.keys(who)
      const reads = roles.flatMap((r) =>
        ops
          .filter((op) => op.method === 'GET')
          .map((op) => ({ r, op, url: urlOf(op, items, items.publicDoc, 'public') })),
      )
      const garbage = ['partner', 'client', 'it_admin'].flatMap((r) =>
        ops
          .filter((op) => op.pathParams.length)
          .map((op, i) => ({
            r,
            op,
            url: fillPath(op, () => GARBAGE[i % GARBAGE.length]!) + queryFor(op, { tier: 'restricted' }),
          })),
      )
      await pool([...reads, ...garbage], 4, async ({ r, op, url }) => {
        await hit(r, who[r]!, op, url)
      })
      expect(listed(outcomes.filter((o) => o.status >= 500))).toEqual([])
      expect(outcomes.length).toBeGreaterThan(1000)
    }, 120_000)
  })
}
