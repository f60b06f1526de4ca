import { beforeAll, describe, expect, it } from 'vitest'
import { makePdf } from '../src/testing/case-room'
import {
  call,
  inviteExternal,
  marker,
  messagesTo,
  signIn,
  signInExternal,
  target,
  waitFor,
  type Session,
} from './client'
import { loadOperations, pool, queryFor, type Operation } from './catalogue'
import { DEMO, uploadOk } from './fixtures'

/**
 * Plant unique strings in what each outsider must never see, then read everything they can
 * reach (every GET route over every id they could guess, searches for the strings themselves,
 * their calendar feed, their DingTalk notifications and calendar) and look for the strings.
 *
 * P: the firm's private tier of HCA 1234 (document title, file name and content, comments, the
 *    strategy thread, an invitation, a wall's reason). R: its restricted tier. W: its public
 *    items (timeline, public document, hearing, deadline), which a walled lawyer or a stranger
 *    must not see either. X: public items of HCMP 420, where the expert's access has expired.
 */

type Kind = 'P' | 'R' | 'W' | 'X'
const TODAY = new Date().toISOString().slice(0, 10)
const IN_60_DAYS = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: planted markers never reach outsiders or a walled lawyer`, () => {
    const t = target(name)
    const m: Record<Kind, string> = {
      P: marker('private'),
      R: marker('restricted'),
      W: marker('wall'),
      X: marker('expired'),
    }
    const ids: Record<string, string[]> = {
      caseId: [DEMO.case, DEMO.otherCase, DEMO.expiredCase],
      docId: [],
      eventId: [],
      hearing: [],
      deadline: [],
    }
    const attackers: { label: string; s: Session; forbidden: Kind[] }[] = []

    beforeAll(async () => {
      const chan = await signIn(t, 'u-chan')
      const wong = await signIn(t, 'u-wong')
      const post = async (url: string, body: unknown) => {
        const a = await chan.post(url, body)
        if (a.status !== 201 && a.status !== 200) throw new Error(`${url}: ${a.status} ${a.text}`)
        return a.json<{ id: string }>()
      }
      const hca = `/api/cases/${DEMO.case}`
      const privateDoc = await uploadOk(chan, DEMO.case, 'private', {
        name: `${m.P}-file.txt`,
        bytes: Buffer.from(`${m.P} file content`),
        mime: 'text/plain',
        title: `${m.P} title`,
      })
      expect((await chan.patch(`${hca}/documents/${privateDoc}`, { description: `${m.P} description` })).status).toBe(
        200,
      )
      await post(`${hca}/documents/${privateDoc}/comments`, { body: `${m.P} document comment` })
      await post(`${hca}/threads/private/comments`, { body: `${m.P} strategy` })
      await post(`${hca}/invitations`, {
        name: `${m.P} invitee`,
        contact: 'invitee@example.org',
        role: 'client',
        tierCeiling: 'public',
        accessExpiry: { kind: 'date', date: IN_60_DAYS },
      })
      await post(`${hca}/walls`, { userId: 'u-wong', reason: `${m.P} wall reason` })
      const restrictedDoc = await uploadOk(chan, DEMO.case, 'restricted', {
        name: `${m.R}.pdf`,
        bytes: await makePdf(1, 'restricted'),
        mime: 'application/pdf',
        title: `${m.R} title`,
      })
      await post(`${hca}/threads/restricted/comments`, { body: `${m.R} comment` })
      const publicDoc = await uploadOk(chan, DEMO.case, 'public', {
        name: `${m.W}.pdf`,
        bytes: await makePdf(1, 'public'),
        mime: 'application/pdf',
        title: `${m.W} title`,
      })
      const event = await post(`${hca}/events`, {
        kind: 'update',
        title: `${m.W} event`,
        body: `${m.W} body`,
        occursAt: new Date().toISOString(),
      })
      await post(`${hca}/threads/public/comments`, { body: `${m.W} comment` })
      const soon = new Date(Date.now() + 7 * 86_400_000).toISOString()
      const hearing = await post('/api/court-calendar/hearings', {
        caseId: DEMO.case,
        court: 'High Court',
        type: 'mention',
        title: `${m.W} hearing`,
        startsAt: soon,
        notes: `${m.W} notes`,
      })
      const deadline = await post('/api/court-calendar/deadlines', {
        caseId: DEMO.case,
        kind: 'fixed',
        title: `${m.W} deadline`,
        dueOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      })
      const expiredDoc = await uploadOk(chan, DEMO.expiredCase, 'public', {
        name: `${m.X}.pdf`,
        bytes: await makePdf(1, 'expired'),
        mime: 'application/pdf',
        title: `${m.X} title`,
      })
      const expiredEvent = await post(`/api/cases/${DEMO.expiredCase}/events`, {
        kind: 'update',
        title: `${m.X} event`,
        occursAt: new Date().toISOString(),
      })
      const expiredHearing = await post('/api/court-calendar/hearings', {
        caseId: DEMO.expiredCase,
        court: 'High Court',
        type: 'mention',
        title: `${m.X} hearing`,
        startsAt: soon,
      })
      Object.assign(ids, {
        docId: [privateDoc, restrictedDoc, publicDoc, expiredDoc],
        eventId: [event.id, expiredEvent.id],
        hearing: [hearing.id, expiredHearing.id],
        deadline: [deadline.id],
      })
      const publicClient = await inviteExternal(chan, DEMO.case, `Public client ${name}`, { tierCeiling: 'public' })
      const revoked = await inviteExternal(chan, DEMO.case, `Revoked expert ${name}`, {
        role: 'external_expert',
        tierCeiling: 'restricted',
      })
      expect((await chan.delete(`/api/cases/${DEMO.case}/members/${revoked.userId}`)).status).toBe(204)
      attackers.push(
        {
          label: 'client (restricted)',
          s: await signInExternal(t, chan, DEMO.case, 'u-client-tse'),
          forbidden: ['P', 'X'],
        },
        {
          label: 'expert (restricted; expired on HCMP)',
          s: await signInExternal(t, chan, DEMO.case, 'u-expert-fung'),
          forbidden: ['P', 'X'],
        },
        { label: 'client (public)', s: publicClient, forbidden: ['P', 'R', 'X'] },
        {
          label: 'client of another case',
          s: await signInExternal(t, wong, DEMO.otherCase, 'u-client-leong'),
          forbidden: ['P', 'R', 'W', 'X'],
        },
        { label: 'walled associate', s: await signIn(t, 'u-ho'), forbidden: ['P', 'R', 'W', 'X'] },
        { label: 'revoked expert', s: revoked, forbidden: ['P', 'R', 'W', 'X'] },
      )
    }, 120_000)

    /** Every URL of a GET route an attacker could try with the ids above (and searches for the markers). */
    function urlsOf(op: Operation): string[] {
      let urls = [op.path]
      for (const p of op.pathParams) {
        const values =
          p === 'caseId'
            ? ids.caseId!
            : p === 'docId'
              ? ids.docId!
              : p === 'targetId'
                ? op.path.includes('/documents/')
                  ? ids.docId!
                  : op.path.includes('/events/')
                    ? ids.eventId!
                    : ['public', 'restricted', 'private']
                : p === 'eventId'
                  ? ids.eventId!
                  : p === 'id'
                    ? op.path.includes('/hearings')
                      ? ids.hearing!
                      : op.path.includes('/deadlines')
                        ? ids.deadline!
                        : ['attack-missing']
                    : p === 'kind'
                      ? ['classification_policy']
                      : p === 'key'
                        ? ['default']
                        : ['1']
        urls = urls.flatMap((u) => values.map((v) => u.replace(`{${p}}`, encodeURIComponent(v))))
      }
      const tiers = op.query.some((q) => q.name === 'tier') ? ['public', 'restricted', 'private'] : ['']
      const cases = op.query.some((q) => q.name === 'caseId') ? ids.caseId! : ['']
      const out = urls.flatMap((u) =>
        tiers.flatMap((tier) =>
          cases.map(
            (caseId) =>
              u +
              queryFor(op, {
                ...(tier ? { tier } : {}),
                ...(caseId ? { caseId } : {}),
                ...(op.path.endsWith('/agenda') ? { from: TODAY, to: IN_60_DAYS } : {}),
              }),
          ),
        ),
      )
      const searches = op.query.some((q) => q.name === 'q')
        ? Object.values(m).map((x) => `${out[0]}${out[0]!.includes('?') ? '&' : '?'}q=${x}`)
        : []
      return [...out, ...searches]
    }

    const leaks = (text: string, forbidden: Kind[]) => forbidden.filter((k) => text.includes(m[k]))

    it('shows none of them in any answer of any GET route, over every case, document, event, hearing and tier id', async () => {
      const gets = (await loadOperations(t)).filter((op) => op.method === 'GET')
      const found: string[] = []
      const calls = attackers.flatMap((a) => gets.flatMap(urlsOf).map((url) => ({ a, url })))
      await pool(calls, 4, async ({ a, url }) => {
        const r = await a.s.get(url)
        const hit = leaks(`${JSON.stringify(r.headers)}\n${r.text}`, a.forbidden)
        if (hit.length) found.push(`${a.label}: GET ${url} (${r.status}) shows ${hit.join(', ')}`)
        if (r.status >= 500) found.push(`${a.label}: GET ${url} -> ${r.status}`)
      })
      expect(found).toEqual([])
      expect(calls.length).toBeGreaterThan(500)
    }, 120_000)

    it('shows a member what they may see (the control: the walk reaches the planted items)', async () => {
      const tse = attackers[0]!.s
      const text = (
        await Promise.all(
          [
            `/api/cases/${DEMO.case}/documents?tier=public`,
            `/api/cases/${DEMO.case}/documents?tier=restricted`,
            `/api/cases/${DEMO.case}/events`,
          ].map(async (u) => (await tse.get(u)).text),
        )
      ).join('\n')
      expect(text).toContain(m.W)
      expect(text).toContain(m.R)
    })

    it("puts none of them in the outsiders' own calendar feeds", async () => {
      const found: string[] = []
      for (const a of attackers) {
        const feed = await a.s.post('/api/court-calendar/feed')
        if (feed.status !== 201) continue
        const ics = await call(t.baseURL, 'GET', new URL(feed.json<{ url: string }>().url).pathname)
        const hit = leaks(ics.text, a.forbidden)
        if (hit.length) found.push(`${a.label}'s calendar feed shows ${hit.join(', ')}`)
      }
      expect(found).toEqual([])
    })

    it('sends the walled associate no notification and no DingTalk calendar event that holds them', async () => {
      // The private upload notified the unwalled lawyers; once theirs has arrived, the walled one's would have too.
      await waitFor("the private upload's notification to Lee", async () =>
        (await messagesTo(t, 'dt-u-lee')).some((x) => JSON.stringify(x.msg).includes(m.P)),
      )
      const toHo = JSON.stringify(await messagesTo(t, 'dt-u-ho'))
      const state = (await call(t.dingtalkURL, 'GET', '/_test/state')).json<{ events: { unionId: string }[] }>()
      const hoEvents = JSON.stringify(state.events.filter((e) => e.unionId.includes('u-ho')))
      expect(leaks(toHo + hoEvents, ['P', 'R', 'W', 'X'])).toEqual([])
    })
  })
}
