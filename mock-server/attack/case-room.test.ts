import { makePdf } from '../src/testing/case-room'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEntries, inviteExternal, marker, signIn, signInExternal, target, type Session } from './client'
import { DEMO, uploadOk } from './fixtures'

/**
 * What outsiders learn about the firm's work in a case room besides what is shared with them:
 * who else looked, staff-only configuration, when the firm last touched its private files; and
 * whether their own reads leave the record the firm owes a regulator.
 */

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: outsiders in a case room`, () => {
    const t = target(name)
    let partner: Session
    let officer: Session
    let client: Session
    let expert: Session
    let draft: string

    beforeAll(async () => {
      partner = await signIn(t, 'u-chan')
      officer = await signIn(t, 'u-ng')
      client = await signInExternal(t, partner, DEMO.case, 'u-client-tse')
      expert = await signInExternal(t, partner, DEMO.case, 'u-expert-fung')
      draft = await uploadOk(partner, DEMO.case, 'restricted', {
        name: 'draft.pdf',
        bytes: await makePdf(2, `case-room ${name}`),
        mime: 'application/pdf',
        title: 'Draft settlement',
      })
    }, 60_000)

    it.each([
      ['client', 'u-client-tse'],
      ['expert', 'u-expert-fung'],
    ] as const)('audits every read by the %s, naming the reader, the document and the page', async (who, userId) => {
      const s = who === 'client' ? client : expert
      const doc = `/api/cases/${DEMO.case}/documents/${draft}`
      const reads = [
        doc,
        `${doc}/pages/2`,
        `${doc}/comments`,
        `/api/cases/${DEMO.case}/threads/restricted/comments`,
        ...(who === 'client' ? [`${doc}/views`] : []),
      ]
      for (const url of reads) {
        const seen = await auditEntries(officer, { actorId: userId, caseId: DEMO.case })
        expect((await s.get(url)).status, url).toBe(200)
        const fresh = (await auditEntries(officer, { actorId: userId, caseId: DEMO.case })).filter(
          (e) => !seen.some((x) => x.seq === e.seq),
        )
        expect(fresh.length, `no audit entry for ${who} reading ${url}`).toBeGreaterThanOrEqual(1)
        if (url.startsWith(doc)) expect(JSON.stringify(fresh), url).toContain(draft)
        if (url.endsWith('/pages/2'))
          expect(
            fresh.some((e) => e.detail.page === 2 || e.detail.page === '2'),
            'the page read is named',
          ).toBe(true)
      }
    })

    it("shows a client the views of the firm and their own in the view log, never another outsider's name or id", async () => {
      const outsiderName = marker('outsider')
      const outsider = await inviteExternal(partner, DEMO.case, outsiderName, {
        role: 'external_expert',
        tierCeiling: 'restricted',
      })
      for (const s of [outsider, expert, client, partner])
        expect((await s.get(`/api/cases/${DEMO.case}/documents/${draft}/pages/1`)).status).toBe(200)
      const log = await client.get(`/api/cases/${DEMO.case}/documents/${draft}/views`)
      expect(log.status).toBe(200)
      for (const hidden of [outsiderName, outsider.userId, 'u-expert-fung', 'Fung'])
        expect(log.text, hidden).not.toContain(hidden)
      const viewers = log.json<{ viewers: { viewerId: string }[] }>().viewers.map((v) => v.viewerId)
      expect(viewers).toEqual(expect.arrayContaining(['u-client-tse', 'u-chan']))
      // The firm sees everyone who looked.
      expect((await partner.get(`/api/cases/${DEMO.case}/documents/${draft}/views`)).text).toContain(outsider.userId)
    })

    it('refuses outsiders the staff-only low-code documents (policy, support form, court rule templates) that staff can read', async () => {
      const staff = await signIn(t, 'u-cheung')
      const templates = (await staff.get('/api/court-calendar/rule-templates'))
        .json<{ items: { id: string }[] }>()
        .items.slice(0, 2)
        .map((x) => `court_rule_template/${x.id}`)
      for (const doc of ['classification_policy/default', 'form/support-report', ...templates]) {
        const url = `/api/lowcode/published/${doc}`
        expect((await staff.get(url)).status, `staff ${url}`).toBe(200)
        for (const s of [client, expert]) expect([403, 404], `${s.userId} ${url}`).toContain((await s.get(url)).status)
      }
      expect([403, 404]).toContain(
        (await client.post('/api/lowcode/forms/support-report/check', { values: {} })).status,
      )
    })

    // Found by this suite after the fixes of d64635e; whether the firm means to share these is a product decision.
    it("does not show a client the firm's comments written while a document was private, once a partner shares it", async () => {
      const internal = marker('internal')
      const doc = await uploadOk(partner, DEMO.case, 'private', {
        name: 'to-share.pdf',
        bytes: await makePdf(1, marker('share')),
        mime: 'application/pdf',
        title: 'Draft to share',
      })
      expect(
        (
          await partner.post(`/api/cases/${DEMO.case}/documents/${doc}/comments`, {
            body: `${internal} our weak point is the limitation period`,
          })
        ).status,
      ).toBe(201)
      const moved = await partner.post(`/api/cases/${DEMO.case}/documents/${doc}/move`, {
        toTier: 'restricted',
        reason: 'Sharing the draft with the client for review',
      })
      expect(moved.status).toBe(200)
      const seen = await client.get(`/api/cases/${DEMO.case}/documents/${doc}/comments`)
      expect(seen.status).toBe(200)
      expect(seen.text).not.toContain(internal)
      expect((await partner.get(`/api/cases/${DEMO.case}/documents/${doc}/comments`)).text).toContain(internal)
    })

    it("does not show outsiders the firm's own notes on hearings and deadlines (court dates yes, notes no)", async () => {
      const note = marker('note')
      const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
      const hearing = await partner.post('/api/court-calendar/hearings', {
        caseId: DEMO.case,
        court: 'High Court',
        type: 'mention',
        title: 'Mention',
        startsAt: soon(5),
        notes: `${note} client is nervous`,
      })
      const deadline = await partner.post('/api/court-calendar/deadlines', {
        caseId: DEMO.case,
        kind: 'fixed',
        title: 'Witness statements',
        dueOn: soon(9).slice(0, 10),
        notes: `${note} ask for an extension`,
      })
      expect([hearing.status, deadline.status]).toEqual([201, 201])
      const agenda = `/api/court-calendar/agenda?from=${soon(0).slice(0, 10)}&to=${soon(30).slice(0, 10)}&caseId=${DEMO.case}`
      for (const s of [client, expert]) {
        const reads = [
          await s.get(`/api/court-calendar/hearings/${hearing.json<{ id: string }>().id}`),
          await s.get(`/api/court-calendar/deadlines/${deadline.json<{ id: string }>().id}`),
          await s.get(agenda),
        ]
        expect(
          reads.map((r) => r.status),
          s.userId,
        ).toEqual([200, 200, 200])
        expect(reads.filter((r) => r.text.includes(note)).length, `${s.userId} reads the firm's notes`).toBe(0)
      }
      expect((await partner.get(agenda)).text).toContain(note)
    })

    it("keeps the case's last-changed time an outsider sees when the firm adds a private document (a public one moves it)", async () => {
      const seen = async () => {
        const one = (await client.get(`/api/cases/${DEMO.case}`)).json<{ updatedAt: string }>().updatedAt
        const listed = (await client.get('/api/cases'))
          .json<{ items: { id: string; updatedAt: string }[] }>()
          .items.find((c) => c.id === DEMO.case)?.updatedAt
        return [one, listed]
      }
      const before = await seen()
      await uploadOk(partner, DEMO.case, 'private', {
        name: 'strategy.txt',
        bytes: Buffer.from(marker('strategy')),
        mime: 'text/plain',
      })
      expect(await seen()).toEqual(before)
      await uploadOk(partner, DEMO.case, 'public', {
        name: 'progress.pdf',
        bytes: await makePdf(1, marker('progress')),
        mime: 'application/pdf',
      })
      expect((await seen())[0]).not.toBe(before[0])
    })
  })
}
