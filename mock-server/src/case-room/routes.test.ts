import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadImage } from '@napi-rs/canvas'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { makeDocx, makePdf, makePng, multipart } from '../testing/case-room'
import { acceptInvitation } from './invitations.testing'

let t: TestApp
const HCA = 'case-hca-1234'
const DAY = 86_400_000
const as: Record<string, TestCredentials> = {}

beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } })
  for (const id of ['u-chan', 'u-wong', 'u-lee', 'u-ho', 'u-cheung', 'u-client-tse', 'u-expert-fung', 'u-client-leong'])
    as[id] = await t.signIn(id)
})
afterAll(async () => {
  await t.close()
})

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: as[who]!.headers })
const send = (who: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: as[who]!.headers,
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  })
async function upload(who: string, tier: string, name: string, bytes: Buffer, caseId = HCA, extra = '') {
  const body = multipart(name, bytes)
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/documents?tier=${tier}${extra}`,
    headers: { ...as[who]!.headers, ...body.headers },
    payload: body.payload,
  })
}
const notifiedUsers = async (kind: string) =>
  (await t.db.query<{ user_ids: string[] }>('SELECT user_ids FROM notifications WHERE kind = $1', [kind])).rows.flatMap(
    (r) => r.user_ids,
  )

describe('one case', () => {
  it('tells a member what they may do, per visible tier', async () => {
    const res = await get('u-client-tse', `/api/cases/${HCA}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().me).toMatchObject({
      role: 'client',
      visibleTiers: ['public', 'restricted'],
      actions: { restricted: ['list', 'view', 'comment'] },
    })
    expect(res.json().me.actions.private).toBeUndefined()
  })

  it('is 404 for a walled associate, an expired expert and a non-member alike', async () => {
    for (const [who, id] of [
      ['u-ho', HCA],
      ['u-expert-fung', 'case-hcmp-0420'],
      ['u-client-leong', HCA],
    ] as const) {
      const res = await get(who, `/api/cases/${id}`)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.message).toBe('Case not found')
    }
    expect((await get('u-chan', '/api/cases/no-such-case')).json().error.message).toBe('Case not found')
  })

  it('every case-room route is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{caseId}',
        '/api/cases/{caseId}/documents',
        '/api/cases/{caseId}/documents/{docId}/pages/{page}',
        '/api/cases/{caseId}/invitations',
        '/api/invitations/accept',
      ]),
    )
  })

  it('a partner opens a case and becomes its member; others may not; numbers are unique', async () => {
    const res = await send('u-wong', 'POST', '/api/cases', {
      number: 'HCA 77/2026',
      title: 'Wong v Lam',
      clientName: 'Wong',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().me.visibleTiers).toEqual(['public', 'restricted', 'private'])
    expect((await send('u-lee', 'POST', '/api/cases', { number: 'HCA 78/2026', title: 'x' })).statusCode).toBe(403)
    expect((await send('u-chan', 'POST', '/api/cases', { number: 'HCA 77/2026', title: 'again' })).statusCode).toBe(409)
    const patched = await send('u-wong', 'PATCH', `/api/cases/${res.json().id}`, { status: 'on_hold' })
    expect(patched.json().status).toBe('on_hold')
  })
})

describe('restricted drafts and the watermarked viewer', () => {
  let pdf: Buffer
  let docId: string

  it('an associate uploads a PDF draft; type and page count come from the content', async () => {
    pdf = await makePdf(3, 'Draft defence')
    const res = await upload('u-lee', 'restricted', 'defence-draft.pdf', pdf, HCA, '&notify=true')
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      tier: 'restricted',
      mime: 'application/pdf',
      render: 'pdf',
      pageCount: 3,
      size: pdf.length,
      title: 'defence-draft.pdf',
    })
    docId = res.json().id
    const listed = await get('u-expert-fung', `/api/cases/${HCA}/documents?tier=restricted`)
    expect(listed.json().items.map((d: { id: string }) => d.id)).toContain(docId)
  })

  it('an external receives only a watermarked image, never the original bytes', async () => {
    const page = await get('u-client-tse', `/api/cases/${HCA}/documents/${docId}/pages/1`)
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('image/jpeg')
    expect(page.headers['cache-control']).toContain('no-store')
    expect(page.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    expect(page.rawPayload.includes(Buffer.from('%PDF'))).toBe(false)
    const img = await loadImage(page.rawPayload)
    expect(img.width).toBe(1240)
    const original = await get('u-client-tse', `/api/cases/${HCA}/documents/${docId}/original`)
    expect(original.statusCode).toBe(403)
    expect(original.rawPayload.includes(Buffer.from('%PDF'))).toBe(false)
  })

  it('the watermark is per viewer: the same page differs between two viewers at the same minute', async () => {
    t.setNow(new Date('2026-03-02T06:05:00Z'))
    try {
      const a = (await get('u-client-tse', `/api/cases/${HCA}/documents/${docId}/pages/2`)).rawPayload
      const b = (await get('u-expert-fung', `/api/cases/${HCA}/documents/${docId}/pages/2`)).rawPayload
      const a2 = (await get('u-client-tse', `/api/cases/${HCA}/documents/${docId}/pages/2`)).rawPayload
      expect(a.equals(b)).toBe(false)
      expect(a.equals(a2)).toBe(true)
    } finally {
      t.setNow(null)
    }
  })

  it('a page past the end is 404', async () => {
    expect((await get('u-client-tse', `/api/cases/${HCA}/documents/${docId}/pages/4`)).statusCode).toBe(404)
  })

  it('an internal member downloads the original, and the download is audited', async () => {
    const res = await get('u-lee', `/api/cases/${HCA}/documents/${docId}/original`)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(pdf)).toBe(true)
    expect(res.headers['content-disposition']).toContain('attachment')
    const audited = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'document.download' AND target_id = $1", [
      docId,
    ])
    expect(audited.rows).toHaveLength(1)
  })

  it('records who viewed which page and for how long; the firm and the client see the log, the expert does not', async () => {
    expect(
      (
        await send('u-client-tse', 'POST', `/api/cases/${HCA}/documents/${docId}/views`, {
          page: 1,
          durationMs: 42_000,
        })
      ).statusCode,
    ).toBe(204)
    expect(
      (await send('u-client-tse', 'POST', `/api/cases/${HCA}/documents/${docId}/views`, { page: 3, durationMs: 1000 }))
        .statusCode,
    ).toBe(404)
    const log = await get('u-lee', `/api/cases/${HCA}/documents/${docId}/views`)
    expect(log.statusCode).toBe(200)
    const tse = log.json().viewers.find((v: { viewerId: string }) => v.viewerId === 'u-client-tse')
    expect(tse).toMatchObject({ pages: [1, 2], totalMs: 42_000 })
    expect((await get('u-client-tse', `/api/cases/${HCA}/documents/${docId}/views`)).statusCode).toBe(200)
    expect((await get('u-expert-fung', `/api/cases/${HCA}/documents/${docId}/views`)).statusCode).toBe(403)
  })

  it('externals comment on drafts; the firm is notified through DingTalk, each message unique', async () => {
    const res = await send('u-expert-fung', 'POST', `/api/cases/${HCA}/documents/${docId}/comments`, {
      body: 'Para 12 overstates the loss.',
      page: 2,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ authorName: expect.stringContaining('Fung'), page: 2 })
    const list = await get('u-client-tse', `/api/cases/${HCA}/documents/${docId}/comments`)
    expect(list.json().items).toHaveLength(1)
    expect(await notifiedUsers('case.comment_new')).toEqual(
      expect.arrayContaining(['u-chan', 'u-lee', 'u-cheung', 'u-client-tse']),
    )
    expect(await notifiedUsers('case.comment_new')).not.toContain('u-ho')
    await t.worker.drain()
    const toChan = t.sim.state.messages.filter((m) => m.userid === 'dt-u-chan')
    expect(toChan.length).toBeGreaterThanOrEqual(2)
    expect(toChan.every((m) => m.delivered)).toBe(true)
    expect(new Set(toChan.map((m) => JSON.stringify(m.msg))).size).toBe(toChan.length)
  })
})

describe('the private tier leaks nothing to externals', () => {
  let privateDoc: string
  it('private documents and the strategy thread answer 404 to externals', async () => {
    privateDoc = (await upload('u-lee', 'private', 'strategy.pdf', await makePdf(1, 'Strategy'))).json().id
    expect(
      (await send('u-lee', 'POST', `/api/cases/${HCA}/threads/private/comments`, { body: 'Settle below 2m.' }))
        .statusCode,
    ).toBe(201)
    for (const url of [
      `/api/cases/${HCA}/documents?tier=private`,
      `/api/cases/${HCA}/documents/${privateDoc}`,
      `/api/cases/${HCA}/documents/${privateDoc}/pages/1`,
      `/api/cases/${HCA}/documents/${privateDoc}/original`,
      `/api/cases/${HCA}/documents/${privateDoc}/comments`,
      `/api/cases/${HCA}/threads/private/comments`,
    ]) {
      const res = await get('u-client-tse', url)
      expect([url, res.statusCode]).toEqual([url, 404])
    }
    expect((await get('u-client-tse', `/api/cases/${HCA}/documents/doc-does-not-exist`)).json()).toMatchObject({
      error: { code: 'not_found', message: 'Document not found' },
    })
    expect((await get('u-client-tse', `/api/cases/${HCA}/documents/${privateDoc}`)).json()).toMatchObject({
      error: { code: 'not_found', message: 'Document not found' },
    })
  })

  it('moving to a less protected tier needs a partner and a written reason; newly entitled members are notified', async () => {
    expect(
      (
        await send('u-lee', 'POST', `/api/cases/${HCA}/documents/${privateDoc}/move`, {
          toTier: 'restricted',
          reason: 'Client must review this now',
        })
      ).statusCode,
    ).toBe(403)
    const noReason = await send('u-chan', 'POST', `/api/cases/${HCA}/documents/${privateDoc}/move`, {
      toTier: 'restricted',
      reason: 'ok',
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.fields[0].path).toBe('reason')
    const moved = await send('u-chan', 'POST', `/api/cases/${HCA}/documents/${privateDoc}/move`, {
      toTier: 'restricted',
      reason: 'Client must review this now',
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().moves).toEqual([
      expect.objectContaining({ from: 'private', to: 'restricted', reason: 'Client must review this now' }),
    ])
    expect((await notifiedUsers('case.document_shared')).sort()).toEqual(['u-client-tse', 'u-expert-fung'])
    const audit = (
      await t.db.query<{ detail: Record<string, unknown> }>(
        "SELECT detail FROM audit_log WHERE action = 'document.move' AND target_id = $1",
        [privateDoc],
      )
    ).rows
    expect(audit[0]!.detail).toMatchObject({ from: 'private', to: 'restricted', reason: 'Client must review this now' })
    expect((await get('u-client-tse', `/api/cases/${HCA}/documents/${privateDoc}`)).json().moves).toEqual([])
  })
})

describe('uploads', () => {
  it('files that cannot be rendered without handing them out stay internal', async () => {
    const refused = await upload('u-lee', 'restricted', 'brief.docx', makeDocx())
    expect(refused.statusCode).toBe(415)
    expect(refused.json().error.message).toContain('stays internal')
    const kept = await upload('u-lee', 'private', 'brief.docx', makeDocx())
    expect(kept.statusCode).toBe(201)
    expect(kept.json()).toMatchObject({ render: 'none', pageCount: null })
    const detail = (await get('u-lee', `/api/cases/${HCA}/documents/${kept.json().id}`)).json()
    expect(detail.internalOnlyReason).toContain('LibreOffice')
    const move = await send('u-chan', 'POST', `/api/cases/${HCA}/documents/${kept.json().id}/move`, {
      toTier: 'restricted',
      reason: 'Expert needs to read the brief',
    })
    expect(move.statusCode).toBe(409)
  })

  it('the type is judged by content, not the name; unknown types and oversized files are refused', async () => {
    expect((await upload('u-lee', 'private', 'fake.pdf', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]))).statusCode).toBe(
      415,
    )
    const png = await upload('u-lee', 'public', 'photo.pdf', makePng())
    expect(png.json()).toMatchObject({ mime: 'image/png', render: 'image', pageCount: 1 })
    const limit = t.env.UPLOAD_LIMIT_BYTES
    t.env.UPLOAD_LIMIT_BYTES = 4096
    try {
      const big = await upload('u-lee', 'private', 'big.pdf', await makePdf(20))
      expect(big.statusCode).toBe(413)
    } finally {
      t.env.UPLOAD_LIMIT_BYTES = limit
    }
    expect(
      (await upload('u-lee', 'private', 'broken.pdf', Buffer.from('%PDF-1.7\nthis is not really a pdf'))).statusCode,
    ).toBe(415)
  })

  it('a new version replaces the file for viewers; externals may not upload one to a draft', async () => {
    const first = (await upload('u-lee', 'restricted', 'reply.pdf', await makePdf(1, 'Reply v1'))).json()
    const v2 = await makePdf(4, 'Reply v2')
    const body = multipart('reply-v2.pdf', v2)
    const post = (who: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${HCA}/documents/${first.id}/versions`,
        headers: { ...as[who]!.headers, ...body.headers },
        payload: body.payload,
      })
    expect((await post('u-client-tse')).statusCode).toBe(403)
    const res = await post('u-lee')
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ version: 2, pageCount: 4, filename: 'reply-v2.pdf' })
    expect((await get('u-lee', `/api/cases/${HCA}/documents/${first.id}/original`)).rawPayload.equals(v2)).toBe(true)
    expect((await get('u-client-tse', `/api/cases/${HCA}/documents/${first.id}/pages/4`)).statusCode).toBe(200)
  })

  it('a client may upload to the public tier; the firm is notified when the client asks', async () => {
    const res = await upload('u-client-tse', 'public', 'receipt.png', makePng(200, 100), HCA, '&notify=true')
    expect(res.statusCode).toBe(201)
    expect(await notifiedUsers('case.document_new')).toContain('u-chan')
  })

  it('tells the people who can see the tier only when the uploader asks, under the title given', async () => {
    /** Who was told of a new document whose notification mentions `marker`. */
    const toldOf = async (marker: string) =>
      (
        await t.db.query<{ user_ids: string[] }>(
          "SELECT user_ids FROM notifications WHERE kind = 'case.document_new' AND body LIKE $1",
          [`%${marker}%`],
        )
      ).rows.flatMap((r) => r.user_ids)
    const quiet = await upload('u-lee', 'public', 'bundle-1.pdf', await makePdf(1), HCA, '&title=Bundle%20part%201')
    expect(quiet.statusCode).toBe(201)
    expect(quiet.json().title).toBe('Bundle part 1')
    const off = await upload('u-lee', 'public', 'bundle-2.pdf', await makePdf(1), HCA, '&notify=false')
    expect(off.statusCode).toBe(201)
    const told = await upload('u-lee', 'public', 'bundle-3.pdf', await makePdf(1), HCA, '&notify=true')
    expect(told.statusCode).toBe(201)
    expect(await toldOf('Bundle part 1')).toEqual([])
    expect(await toldOf('bundle-2.pdf')).toEqual([])
    const people = await toldOf('bundle-3.pdf')
    expect(people).toEqual(expect.arrayContaining(['u-chan', 'u-client-tse']))
    expect(people).not.toContain('u-lee')
    expect((await upload('u-lee', 'public', 'x.pdf', await makePdf(1), HCA, '&notify=yes')).statusCode).toBe(400)
  })
})

describe('invitations and external access', () => {
  let contacts = 0
  const invite = (body: object) =>
    send('u-chan', 'POST', `/api/cases/${HCA}/invitations`, { contact: `invitee-${++contacts}@example.com`, ...body })
  // The link alone opens nothing: the invitee asks for a code and accepts with it.
  const accept = (token: string) => acceptInvitation(t, token)

  it('a one-time link creates the external user, their membership and a session', async () => {
    const res = await invite({
      name: '蔡會計師 Choi CPA',
      role: 'external_expert',
      tierCeiling: 'restricted',
      accessExpiry: { kind: 'date', date: '2099-12-31' },
    })
    expect(res.statusCode).toBe(201)
    const { token, url, invitation } = res.json()
    expect(url).toContain(`#/invite/${token}`)
    expect(invitation.status).toBe('pending')
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM case_invitations WHERE id = $1', [
      invitation.id,
    ])
    expect(stored.rows[0]!.token_hash).not.toContain(token)
    const ok = await accept(token)
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({
      caseId: HCA,
      session: {
        method: 'invitation',
        user: { role: 'external_expert', name: '蔡會計師 Choi CPA', dingtalkUserId: null },
      },
    })
    const cookie = ok.cookies.find((c) => c.name === 'suite_sid')!
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${HCA}`,
      headers: { cookie: `suite_sid=${cookie.value}` },
    })
    expect(mine.json().me).toMatchObject({ role: 'external_expert', tierCeiling: 'restricted' })
    const again = await accept(token)
    expect(again.statusCode).toBe(404)
    expect(again.json().error.message).toContain('already used')
    expect((await accept('x'.repeat(43))).statusCode).toBe(404)
  })

  it('a link expires; an invitation can be withdrawn', async () => {
    const res = (
      await invite({
        name: 'Late Person',
        role: 'client',
        tierCeiling: 'public',
        accessExpiry: { kind: 'date', date: '2099-01-01' },
        linkValidHours: 1,
      })
    ).json()
    t.setNow(new Date(Date.now() + 2 * 3_600_000))
    try {
      expect((await accept(res.token)).json().error.message).toContain('expired')
    } finally {
      t.setNow(null)
    }
    const second = (
      await invite({
        name: 'Withdrawn',
        role: 'client',
        tierCeiling: 'public',
        accessExpiry: { kind: 'date', date: '2099-01-01' },
      })
    ).json()
    expect((await send('u-chan', 'DELETE', `/api/cases/${HCA}/invitations/${second.invitation.id}`)).statusCode).toBe(
      204,
    )
    expect((await accept(second.token)).statusCode).toBe(404)
    t.setNow(new Date(Date.now() + 2 * 3_600_000))
    try {
      const statuses = (await get('u-lee', `/api/cases/${HCA}/invitations`))
        .json()
        .items.map((i: { status: string }) => i.status)
      expect(statuses).toEqual(expect.arrayContaining(['accepted', 'expired', 'revoked']))
    } finally {
      t.setNow(null)
    }
    expect((await get('u-client-tse', `/api/cases/${HCA}/invitations`)).statusCode).toBe(404)
  })

  it('access bound to a milestone ends the moment the milestone is marked reached', async () => {
    const ms = await send('u-lee', 'POST', `/api/cases/${HCA}/events`, {
      kind: 'milestone',
      title: 'Expert report served 專家報告已送達',
      occursAt: new Date(Date.now() + 30 * DAY).toISOString(),
    })
    expect(ms.statusCode).toBe(201)
    const inv = (
      await invite({
        name: 'Dr Yip',
        role: 'external_expert',
        tierCeiling: 'restricted',
        accessExpiry: { kind: 'milestone', milestoneId: ms.json().id },
      })
    ).json()
    const cookie = (await accept(inv.token)).cookies.find((c) => c.name === 'suite_sid')!
    const yip = { cookie: `suite_sid=${cookie.value}` }
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${HCA}/documents?tier=restricted`, headers: yip }))
        .statusCode,
    ).toBe(200)
    const members = (await get('u-chan', `/api/cases/${HCA}/members`)).json().items
    expect(members.find((m: { name: string }) => m.name === 'Dr Yip').expiryMilestone).toMatchObject({
      title: 'Expert report served 專家報告已送達',
      reachedAt: null,
    })
    expect(
      (await send('u-client-tse', 'PATCH', `/api/cases/${HCA}/events/${ms.json().id}`, { reached: true })).statusCode,
    ).toBe(403)
    expect(
      (await send('u-lee', 'PATCH', `/api/cases/${HCA}/events/${ms.json().id}`, { reached: true })).json().reachedAt,
    ).not.toBeNull()
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${HCA}/documents?tier=restricted`, headers: yip }))
        .statusCode,
    ).toBe(404)
    expect(await notifiedUsers('case.milestone_reached')).toContain('u-client-tse')
  })

  it('revocation is immediate', async () => {
    const c = await t.signIn('u-expert-fung')
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${HCA}`, headers: c.headers })).statusCode).toBe(200)
    expect((await send('u-chan', 'DELETE', `/api/cases/${HCA}/members/u-expert-fung`)).statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${HCA}`, headers: c.headers })).statusCode).toBe(404)
    await t.db.query("UPDATE case_members SET status = 'active' WHERE case_id = $1 AND user_id = 'u-expert-fung'", [
      HCA,
    ])
  })

  it('externals see the firm’s team and themselves, not other outsiders or walls', async () => {
    const items = (await get('u-client-tse', `/api/cases/${HCA}/members`)).json().items as {
      userId: string
      internal: boolean
      wallReason: string | null
    }[]
    expect(items.map((m) => m.userId)).toContain('u-client-tse')
    expect(items.map((m) => m.userId)).not.toContain('u-expert-fung')
    expect(items.map((m) => m.userId)).not.toContain('u-ho')
    expect(items.every((m) => m.internal || m.userId === 'u-client-tse')).toBe(true)
  })
})

describe('restrict to internal, and ethical walls', () => {
  it('one switch suspends every external; lifting it needs a step-up', async () => {
    const on = await send('u-chan', 'POST', `/api/cases/${HCA}/restrict`, { restricted: true })
    expect(on.json().restrictedToInternal).toBe(true)
    expect((await get('u-client-tse', `/api/cases/${HCA}`)).statusCode).toBe(404)
    expect((await get('u-lee', `/api/cases/${HCA}`)).statusCode).toBe(200)
    const off = await send('u-chan', 'POST', `/api/cases/${HCA}/restrict`, { restricted: false })
    expect(off.statusCode).toBe(403)
    expect(off.json().error.code).toBe('step_up_required')
    await t.db.query('UPDATE cases SET restricted_to_internal = false WHERE id = $1', [HCA])
    expect((await get('u-client-tse', `/api/cases/${HCA}`)).statusCode).toBe(200)
  })

  it('a wall beats every grant, the partner role included', async () => {
    expect(
      (await send('u-chan', 'POST', `/api/cases/${HCA}/members`, { userIds: ['u-wong'], tierCeiling: 'private' }))
        .statusCode,
    ).toBe(200)
    expect((await get('u-wong', `/api/cases/${HCA}`)).statusCode).toBe(200)
    const wall = await send('u-chan', 'POST', `/api/cases/${HCA}/walls`, {
      userId: 'u-wong',
      reason: 'Acts for the defendant’s parent company',
    })
    expect(wall.statusCode).toBe(201)
    expect(wall.json()).toMatchObject({ status: 'walled', wallReason: 'Acts for the defendant’s parent company' })
    expect((await get('u-wong', `/api/cases/${HCA}`)).statusCode).toBe(404)
    expect((await get('u-wong', '/api/cases')).json().items.map((c: { id: string }) => c.id)).not.toContain(HCA)
    const readd = await send('u-chan', 'POST', `/api/cases/${HCA}/members`, {
      userIds: ['u-wong'],
      tierCeiling: 'private',
    })
    expect(readd.statusCode).toBe(409)
    expect(
      (await send('u-chan', 'POST', `/api/cases/${HCA}/walls`, { userId: 'u-client-tse', reason: 'x' })).statusCode,
    ).toBe(400)
  })

  it('lifting a wall needs a step-up, and gives no access back by itself', async () => {
    const refused = await send('u-chan', 'DELETE', `/api/cases/${HCA}/walls/u-wong`)
    expect(refused.json().error.code).toBe('step_up_required')
    const code = (
      await t.sim.app.inject({ method: 'POST', url: '/_test/auth-codes', payload: { userid: 'dt-u-chan' } })
    ).json<{ code: string }>().code
    expect((await send('u-chan', 'POST', '/api/step-up', { method: 'dingtalk', code })).statusCode).toBe(200)
    expect((await send('u-chan', 'DELETE', `/api/cases/${HCA}/walls/u-wong`)).statusCode).toBe(204)
    expect((await get('u-wong', `/api/cases/${HCA}`)).statusCode).toBe(404)
    const audit = await t.db.query(
      "SELECT 1 FROM audit_log WHERE action IN ('case.wall_add','case.wall_lift','step_up.refused') AND case_id = $1",
      [HCA],
    )
    expect(audit.rows.length).toBeGreaterThanOrEqual(3)
  })
})

describe('timeline and reminders', () => {
  it('every member reads the public timeline; only those who may edit add to it', async () => {
    const hearing = await send('u-lee', 'POST', `/api/cases/${HCA}/events`, {
      kind: 'hearing',
      title: 'Case management conference',
      occursAt: '2026-05-04T02:30:00.000Z',
    })
    expect(hearing.statusCode).toBe(201)
    expect(
      (
        await send('u-client-tse', 'POST', `/api/cases/${HCA}/events`, {
          kind: 'notice',
          title: 'x',
          occursAt: '2026-05-04T02:30:00.000Z',
        })
      ).statusCode,
    ).toBe(403)
    const list = (await get('u-client-tse', `/api/cases/${HCA}/events`)).json().items
    expect(list.map((e: { title: string }) => e.title)).toContain('Case management conference')
    expect(
      (
        await send('u-client-tse', 'POST', `/api/cases/${HCA}/events/${hearing.json().id}/comments`, {
          body: 'I can attend.',
        })
      ).statusCode,
    ).toBe(201)
    expect(
      (await get('u-lee', `/api/cases/${HCA}/events`))
        .json()
        .items.find((e: { id: string }) => e.id === hearing.json().id).commentCount,
    ).toBe(1)
  })

  it('every entry has a date: one without is refused, and a date cannot be taken away', async () => {
    const undated = await send('u-lee', 'POST', `/api/cases/${HCA}/events`, { kind: 'update', title: 'Call' })
    expect(undated.statusCode).toBe(400)
    expect(undated.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'occursAt' })]))
    const nulled = await send('u-lee', 'POST', `/api/cases/${HCA}/events`, {
      kind: 'update',
      title: 'Call',
      occursAt: null,
    })
    expect(nulled.statusCode).toBe(400)
    const dated = await send('u-lee', 'POST', `/api/cases/${HCA}/events`, {
      kind: 'update',
      title: 'Call with the client',
      occursAt: '2026-03-02T07:00:00.000Z',
    })
    expect(dated.statusCode).toBe(201)
    expect(dated.json().occursAt).toBe('2026-03-02T07:00:00.000Z')
    const cleared = await send('u-lee', 'PATCH', `/api/cases/${HCA}/events/${dated.json().id}`, { occursAt: null })
    expect(cleared.statusCode).toBe(400)
  })

  it('warns the firm once when an external’s access is about to end', async () => {
    await t.db.query('UPDATE case_members SET expires_at = $3 WHERE case_id = $1 AND user_id = $2', [
      HCA,
      'u-client-tse',
      new Date(Date.now() + 2 * DAY),
    ])
    await t.db.query(
      "UPDATE jobs SET run_at = now() - interval '1 minute', status = 'queued' WHERE kind = 'case-room.expiry-scan'",
    )
    await t.worker.drain()
    const rows = (
      await t.db.query<{ user_ids: string[]; body: string }>(
        "SELECT user_ids, body FROM notifications WHERE kind = 'case.access_expiring'",
      )
    ).rows
    expect(rows).toHaveLength(1)
    expect(rows[0]!.user_ids).toEqual(expect.arrayContaining(['u-chan']))
    expect(rows[0]!.body).toContain('謝家輝')
    await t.db.query(
      "UPDATE jobs SET run_at = now() - interval '1 minute', status = 'queued' WHERE kind = 'case-room.expiry-scan'",
    )
    await t.worker.drain()
    expect((await t.db.query("SELECT 1 FROM notifications WHERE kind = 'case.access_expiring'")).rows).toHaveLength(1)
  })
})
