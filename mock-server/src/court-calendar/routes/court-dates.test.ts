import { ANCHOR_EVENTS, BUNDLED_TEMPLATES, HK_GENERAL_HOLIDAYS } from '@suite/court-rules'
import { AnchorEvent, type Deadline, type Hearing } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, publishAsAdmin, type TestApp } from '../../testing'
import { COURT_TEST_ENV, courtCaller } from '../test-helpers'

let t: TestApp
const NOW = new Date('2026-03-02T02:00:00Z') // Monday 2 March 2026, 10:00 in Hong Kong
beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  t.setNow(NOW)
})
afterAll(async () => {
  await t.close()
})

const CASE = 'case-hca-1234'
const hearingBody = (over: Record<string, unknown> = {}) => ({
  caseId: CASE,
  court: 'Court of First Instance 原訟法庭',
  courtroom: '13',
  judge: 'Hon Chan J',
  type: 'interlocutory',
  startsAt: '2026-04-02T10:00:00+08:00',
  endsAt: '2026-04-02T11:00:00+08:00',
  lawyerIds: ['u-chan', 'u-lee'],
  ...over,
})
const audits = async (action: string) =>
  (
    await t.db.query<{ target_id: string; detail: Record<string, unknown> }>(
      'SELECT target_id, detail FROM audit_log WHERE action = $1 ORDER BY seq',
      [action],
    )
  ).rows

describe('hearings and who sees them', () => {
  it('a partner creates a hearing; it comes back in Hong Kong time with its case', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const h = await chan<Hearing>('POST', '/hearings', hearingBody(), 201)
    expect(h).toMatchObject({
      caseNumber: 'HCA 1234/2026',
      courtCaseNumber: 'HCA 1234/2026',
      startsAt: '2026-04-02T10:00:00+08:00',
      status: 'scheduled',
      sequence: 0,
      lawyerIds: ['u-chan', 'u-lee'],
    })
    expect((await audits('court.hearing.create')).map((a) => a.target_id)).toContain(h.id)
    // The client of the case sees the date; a walled associate, a partner of another matter and IT do not even learn it exists.
    expect((await (await courtCaller(t, 'u-client-tse'))<Hearing>('GET', `/hearings/${h.id}`)).id).toBe(h.id)
    for (const outsider of ['u-ho', 'u-wong', 'u-lam'])
      await (
        await courtCaller(t, outsider)
      )('GET', `/hearings/${h.id}`, undefined, 404)
  })

  it('only firm members of the case change court dates: a client gets 403, a walled lawyer 404', async () => {
    await (
      await courtCaller(t, 'u-client-tse')
    )('POST', '/hearings', hearingBody(), 403)
    await (
      await courtCaller(t, 'u-ho')
    )('POST', '/hearings', hearingBody(), 404)
    // Paralegals do docketing.
    await (
      await courtCaller(t, 'u-cheung')
    )('POST', '/hearings', hearingBody({ lawyerIds: ['u-cheung'] }), 201)
  })

  it('refuses lawyers who are not firm members of the case (walled, external, stranger)', async () => {
    const chan = await courtCaller(t, 'u-chan')
    for (const who of ['u-ho', 'u-client-tse', 'u-wong']) {
      const err = await chan<{ error: { fields: { path: string; code: string }[] } }>(
        'POST',
        '/hearings',
        hearingBody({ lawyerIds: ['u-chan', who] }),
        400,
      )
      expect(err.error.fields[0]).toMatchObject({ path: 'lawyerIds.1', code: 'not_case_member' })
    }
  })

  it('validates times: the end must follow the start', async () => {
    const chan = await courtCaller(t, 'u-chan')
    await chan('POST', '/hearings', hearingBody({ endsAt: '2026-04-02T09:00:00+08:00' }), 400)
  })
})

describe('deadlines move with their triggers', () => {
  it('a summons deadline (2 clear days before the hearing) moves from 30 March to 31 March when the hearing moves past Easter', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const h = await chan<Hearing>('POST', '/hearings', hearingBody(), 201)
    const d = await chan<Deadline>(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'Serve the summons',
        anchor: { type: 'hearing', hearingId: h.id },
        templateId: 'summons-service',
      },
      201,
    )
    expect(d).toMatchObject({
      dueOn: '2026-03-30',
      anchorDate: '2026-04-02',
      citation: 'RHC O.32 r.3',
      templateVersion: 1,
      sequence: 0,
    })
    expect(d.working!.counted).toEqual(['2026-03-31', '2026-04-01'])

    const moved = await chan<Hearing>('PATCH', `/hearings/${h.id}`, {
      startsAt: '2026-04-08T10:00:00+08:00',
      endsAt: '2026-04-08T12:00:00+08:00',
    })
    expect(moved.sequence).toBe(1)
    const after = await chan<Deadline>('GET', `/deadlines/${d.id}`)
    expect(after).toMatchObject({ dueOn: '2026-03-31', anchorDate: '2026-04-08', sequence: 1 })
    expect(after.working!.counted).toEqual(['2026-04-01', '2026-04-02'])
    expect(after.working!.excluded.map((e) => `${e.date} ${e.reason}`)).toEqual([
      '2026-04-03 general_holiday',
      '2026-04-04 general_holiday',
      '2026-04-05 sunday',
      '2026-04-06 general_holiday',
      '2026-04-07 general_holiday',
    ])
    const recomputed = await audits('court.deadline.recomputed')
    expect(recomputed.find((a) => a.target_id === d.id)?.detail).toMatchObject({
      reason: 'hearing_moved',
      from: '2026-03-30',
      to: '2026-03-31',
    })
  })

  it('a chain: writ served -> acknowledgment (incl. the day of service) -> defence 28 days later; moving the service moves both', async () => {
    const lee = await courtCaller(t, 'u-lee')
    const served = await lee('POST', '/triggers', { caseId: CASE, kind: 'writ_served', occurredOn: '2026-03-02' }, 201)
    const ack = await lee<Deadline>(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'Acknowledgment of service',
        anchor: { type: 'trigger', triggerId: served.id },
        templateId: 'acknowledgment-of-service',
      },
      201,
    )
    // 14 days including 2 March end on Sunday 15 March: O.3 r.4 takes it to Monday 16 March.
    expect(ack.dueOn).toBe('2026-03-16')
    expect(ack.working!.excluded).toEqual([{ date: '2026-03-15', reason: 'sunday', rule: 'O.3 r.4' }])
    const defence = await lee<Deadline>(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'Defence',
        anchor: { type: 'deadline', deadlineId: ack.id },
        templateId: 'defence',
      },
      201,
    )
    expect(defence.dueOn).toBe('2026-04-13')

    await lee('PATCH', `/triggers/${served.id}`, { occurredOn: '2026-03-05' })
    expect((await lee<Deadline>('GET', `/deadlines/${ack.id}`)).dueOn).toBe('2026-03-18')
    expect((await lee<Deadline>('GET', `/deadlines/${defence.id}`)).dueOn).toBe('2026-04-15')
    const triggers = await lee<{ items: { id: string; dependents: number }[] }>('GET', `/triggers?caseId=${CASE}`)
    expect(triggers.items.find((x) => x.id === served.id)?.dependents).toBe(1)
  })

  it('cancelling the hearing suspends its deadlines (the date stays); restoring it brings them back', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const h = await chan<Hearing>(
      'POST',
      '/hearings',
      hearingBody({ startsAt: '2026-05-14T09:30:00+08:00', endsAt: null }),
      201,
    )
    const d = await chan<Deadline>(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'Lodge bundle',
        anchor: { type: 'hearing', hearingId: h.id },
        rule: { period: 7, direction: 'before' },
      },
      201,
    )
    expect(d.dueOn).toBe('2026-05-05')
    await chan('POST', `/hearings/${h.id}/cancel`)
    expect(await chan<Deadline>('GET', `/deadlines/${d.id}`)).toMatchObject({
      dueOn: '2026-05-05',
      anchorStatus: 'suspended',
    })
    await chan('POST', `/hearings/${h.id}/restore`)
    expect(await chan<Deadline>('GET', `/deadlines/${d.id}`)).toMatchObject({ anchorStatus: 'active' })
    // A deadline cannot run from a cancelled event.
    await chan('POST', `/hearings/${h.id}/cancel`)
    await chan(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'x',
        anchor: { type: 'hearing', hearingId: h.id },
        rule: { period: 7, direction: 'before' },
      },
      400,
    )
  })

  it('a computed deadline cannot be moved by hand; a fixed one can, and its dependents follow', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const fixed = await chan<Deadline>(
      'POST',
      '/deadlines',
      { caseId: CASE, kind: 'fixed', title: 'Court-ordered exchange of witness statements', dueOn: '2026-06-01' },
      201,
    )
    const next = await chan<Deadline>(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'Reply statements',
        anchor: { type: 'deadline', deadlineId: fixed.id },
        rule: { period: 14, direction: 'after' },
      },
      201,
    )
    expect(next.dueOn).toBe('2026-06-15')
    await chan('PATCH', `/deadlines/${next.id}`, { dueOn: '2026-06-20' }, 400)
    await chan('PATCH', `/deadlines/${fixed.id}`, { dueOn: '2026-06-05' })
    // 19 June 2026 is Tuen Ng (a general holiday), so the 14 days run on to Monday 22 June.
    expect((await chan<Deadline>('GET', `/deadlines/${next.id}`)).dueOn).toBe('2026-06-22')
  })
})

describe('declared warning days and holiday imports recompute deadlines', () => {
  let seven: Deadline
  beforeAll(async () => {
    const chan = await courtCaller(t, 'u-chan')
    seven = await chan<Deadline>(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'File affirmation',
        anchor: { type: 'date', date: '2026-03-10' },
        rule: { period: 7, direction: 'after' },
      },
      201,
    )
  })

  it('7 days after Tuesday 10 March 2026 end on Thursday 19 March', () => {
    expect(seven.dueOn).toBe('2026-03-19')
  })

  it('a black rainstorm declared on 12 March moves it to Friday 20 March; revoking it moves it back', async () => {
    const lam = await courtCaller(t, 'u-lam')
    const r = await lam<{ recomputed: number; moved: string[] }>('POST', '/closures', {
      date: '2026-03-12',
      kind: 'black_rainstorm',
      note: 'Black rainstorm 06:40-15:10',
    })
    expect(r.moved).toContain(seven.id)
    const chan = await courtCaller(t, 'u-chan')
    const moved = await chan<Deadline>('GET', `/deadlines/${seven.id}`)
    expect(moved.dueOn).toBe('2026-03-20')
    expect(moved.working!.excluded).toContainEqual({
      date: '2026-03-12',
      reason: 'black_rainstorm',
      name: 'Black rainstorm 06:40-15:10',
      rule: 'O.3 r.2(5)',
    })
    expect((await chan<{ items: { date: string }[] }>('GET', '/closures')).items.map((c) => c.date)).toContain(
      '2026-03-12',
    )
    await lam('DELETE', '/closures/2026-03-12')
    expect((await chan<Deadline>('GET', `/deadlines/${seven.id}`)).dueOn).toBe('2026-03-19')
    expect((await audits('court.closure.declare')).length).toBe(1)
  })

  it('only administrators declare days or import holidays', async () => {
    await (
      await courtCaller(t, 'u-chan')
    )('POST', '/closures', { date: '2026-03-12', kind: 'gale_warning' }, 403)
    await (
      await courtCaller(t, 'u-chan')
    )('POST', '/holidays/import', { text: '{}' }, 403)
  })

  it('imports the Government file (with a BOM); the imported year replaces the bundled one and deadlines follow', async () => {
    const y2026 = HK_GENERAL_HOLIDAYS.filter((h) => h.date.startsWith('2026-'))
    const events = [...y2026, { date: '2026-03-17', name: 'A new general holiday' }].map((h) => ({
      dtstart: [h.date.replace(/-/g, ''), { value: 'DATE' }],
      dtend: [String(Number(h.date.replace(/-/g, '')) + 1), { value: 'DATE' }],
      summary: h.name,
    }))
    const text = `\uFEFF${JSON.stringify({ vcalendar: [{ prodid: '-//1823//HK Holidays//EN', vevent: events }] })}`
    const lam = await courtCaller(t, 'u-lam')
    const r = await lam<{ years: number[]; count: number; recomputed: number }>('POST', '/holidays/import', { text })
    expect(r).toMatchObject({ years: [2026], count: 18 })
    expect(r.recomputed).toBeGreaterThan(0)
    const chan = await courtCaller(t, 'u-chan')
    expect((await chan<Deadline>('GET', `/deadlines/${seven.id}`)).dueOn).toBe('2026-03-20')
    const list = await chan<{ years: { year: number; source: string; count: number }[] }>('GET', '/holidays')
    expect(list.years.find((y) => y.year === 2026)).toMatchObject({ source: 'imported', count: 18 })
    expect(list.years.find((y) => y.year === 2025)).toMatchObject({ source: 'bundled', count: 17 })
    const bad = await lam<{ error: { fields: { path: string }[] } }>(
      'POST',
      '/holidays/import',
      { text: '{"vcalendar":[{"vevent":[{"dtstart":["20261301"],"summary":"x"}]}]}' },
      400,
    )
    expect(bad.error.fields[0]!.path).toBe('text.vcalendar[0].vevent[0].dtstart')
  })
})

describe('the calculator and rule templates', () => {
  it('computes the DOMAIN.md worked example for anyone signed in', async () => {
    const r = await (
      await courtCaller(t, 'u-client-tse')
    )('POST', '/calculate', { from: '2025-04-17', period: 7, direction: 'after' })
    expect(r.deadline).toBe('2025-04-30')
    expect(r.counted).toEqual([
      '2025-04-22',
      '2025-04-23',
      '2025-04-24',
      '2025-04-25',
      '2025-04-28',
      '2025-04-29',
      '2025-04-30',
    ])
    const eight = await (
      await courtCaller(t, 'u-lee')
    )('POST', '/calculate', { from: '2025-04-17', period: 8, direction: 'after' })
    expect(eight.deadline).toBe('2025-04-25')
    const tpl = await (
      await courtCaller(t, 'u-lee')
    )('POST', '/calculate', { from: '2025-04-12', templateId: 'deemed-service-by-post' })
    expect(tpl).toMatchObject({ deadline: '2025-04-19', citation: expect.stringContaining('O.10 r.1(3)') })
    await (
      await courtCaller(t, 'u-lee')
    )('POST', '/calculate', { from: '2025-04-17', period: 1, unit: 'months', clear: true, direction: 'after' }, 400)
  })

  it('lists the bundled templates (published at start); an administrator edits one in the document store and the calculator uses it at once', async () => {
    const lee = await courtCaller(t, 'u-lee')
    const list = await lee<{ items: { id: string; version: number; source: string }[] }>('GET', '/rule-templates')
    expect(list.items.map((x) => x.id).sort()).toEqual(BUNDLED_TEMPLATES.map((b) => b.id).sort())
    expect(list.items.every((x) => x.version === 1 && x.source === 'bundled')).toBe(true)
    const lamCreds = await t.signIn('u-lam')
    const {
      id: _id,
      version: _v,
      source: _s,
      archived: _a,
      updatedAt: _u,
      updatedBy: _b,
      ...current
    } = (await lee<{ items: Record<string, unknown>[] }>('GET', '/rule-templates')).items.find((x) => x.id === 'reply')!
    // The old write routes are gone: templates change through the low-code publication (step-up) only.
    const lam = await courtCaller(t, 'u-lam')
    await lam('PUT', '/rule-templates/reply', { ...current, period: 21 }, 404)
    await lam('POST', '/rule-templates', { id: 'x', data: current }, 404)

    const before = await lee<{ deadline: string }>('POST', '/calculate', { from: '2026-03-02', templateId: 'reply' })
    await publishAsAdmin(t, lamCreds, 'court_rule_template', 'reply', {
      ...current,
      period: 21,
      citation: 'RHC O.18 r.3(4) (firm practice)',
    })
    const edited = (await lee<{ items: Record<string, unknown>[] }>('GET', '/rule-templates')).items.find(
      (x) => x.id === 'reply',
    )
    expect(edited).toMatchObject({ id: 'reply', version: 2, period: 21, source: 'edited', updatedBy: 'u-lam' })
    const after = await lee<{ deadline: string; citation: string }>('POST', '/calculate', {
      from: '2026-03-02',
      templateId: 'reply',
    })
    expect(after).toMatchObject({ deadline: '2026-03-23', citation: 'RHC O.18 r.3(4) (firm practice)' })
    expect(after.deadline).not.toBe(before.deadline)

    const custom = {
      name: { 'zh-HK': '文件清單', 'zh-CN': '文件清单', en: 'List of documents' },
      period: 14,
      direction: 'after',
      anchorEvent: 'other',
      citation: 'RHC O.24 r.2',
    }
    await publishAsAdmin(t, lamCreds, 'court_rule_template', 'list-of-documents', custom)
    expect(
      (await lee<{ items: Record<string, unknown>[] }>('GET', '/rule-templates')).items.find(
        (x) => x.id === 'list-of-documents',
      ),
    ).toMatchObject({ version: 1, source: 'custom', unit: 'days' })
    await publishAsAdmin(t, lamCreds, 'court_rule_template', 'list-of-documents', { ...custom, archived: true })
    expect((await lee<{ items: { id: string }[] }>('GET', '/rule-templates')).items.map((x) => x.id)).not.toContain(
      'list-of-documents',
    )
    expect(
      (
        await lee<{ items: { id: string; archived: boolean }[] }>('GET', '/rule-templates?includeArchived=true')
      ).items.find((x) => x.id === 'list-of-documents')?.archived,
    ).toBe(true)
    await lee('POST', '/calculate', { from: '2026-03-02', templateId: 'list-of-documents' }, 400)
    expect(
      (await lee<{ items: { version: number }[] }>('GET', '/rule-templates/reply/versions')).items.map(
        (x) => x.version,
      ),
    ).toEqual([2, 1])
    expect(
      (await audits('lowcode.published')).filter((a) => a.target_id === 'reply').map((a) => a.detail.version),
    ).toEqual([1, 2])
  })

  it('refuses a template the calculator could not use, and a key that is not a template id', async () => {
    const lam = await t.signIn('u-lam')
    const draft = (key: string, body: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/lowcode/documents/court_rule_template/${key}/draft`,
        headers: lam.headers,
        payload: { body: body as object },
      })
    const base = {
      name: { 'zh-HK': '甲', 'zh-CN': '甲', en: 'A' },
      period: 14,
      direction: 'after',
      anchorEvent: 'other',
      citation: 'RHC O.1',
    }
    const bad = await draft('months-clear', { ...base, unit: 'months', clear: true })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ path: 'body.clear' })])
    const badKey = await draft('not_a_template.id', base)
    expect(badKey.statusCode).toBe(400)
    expect(badKey.json().error.fields).toEqual([expect.objectContaining({ path: 'key', code: 'invalid_key' })])
  })

  it('the wire anchor events match the engine’s', () => {
    expect([...AnchorEvent.options]).toEqual([...ANCHOR_EVENTS])
  })
})

describe('the agenda', () => {
  it('filters by case, lawyer and court, and flags double bookings and crowded days', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const a = await chan<Hearing>(
      'POST',
      '/hearings',
      hearingBody({
        startsAt: '2026-07-06T10:00:00+08:00',
        endsAt: '2026-07-06T12:00:00+08:00',
        lawyerIds: ['u-chan'],
      }),
      201,
    )
    const b = await chan<Hearing>(
      'POST',
      '/hearings',
      {
        ...hearingBody({
          caseId: 'case-hcmp-0420',
          court: 'Companies Court',
          startsAt: '2026-07-06T11:30:00+08:00',
          endsAt: null,
          lawyerIds: ['u-chan'],
        }),
        courtCaseNumber: undefined,
      },
      201,
    )
    expect(b.courtCaseNumber).toBe('HCMP 420/2025')
    for (const title of ['Skeleton arguments', 'Costs statement']) {
      await chan(
        'POST',
        '/deadlines',
        { caseId: CASE, kind: 'fixed', title, dueOn: '2026-07-03', lawyerIds: ['u-lee'] },
        201,
      )
    }
    const agenda = await chan<{
      hearings: Hearing[]
      deadlines: Deadline[]
      conflicts: { kind: string; userId: string; date: string; hearingIds?: string[] }[]
    }>('GET', '/agenda?from=2026-07-01&to=2026-07-31')
    expect(agenda.hearings.map((h) => h.id)).toEqual([a.id, b.id])
    expect(agenda.conflicts).toContainEqual({
      kind: 'double_booked',
      userId: 'u-chan',
      date: '2026-07-06',
      hearingIds: [a.id, b.id],
    })
    expect(agenda.conflicts.find((c) => c.kind === 'deadline_cluster')).toMatchObject({
      userId: 'u-lee',
      date: '2026-07-03',
    })
    expect(
      (
        await chan<{ hearings: Hearing[] }>('GET', `/agenda?from=2026-07-01&to=2026-07-31&caseId=case-hcmp-0420`)
      ).hearings.map((h) => h.id),
    ).toEqual([b.id])
    expect(
      (
        await chan<{ hearings: Hearing[] }>('GET', '/agenda?from=2026-07-01&to=2026-07-31&court=companies')
      ).hearings.map((h) => h.id),
    ).toEqual([b.id])
    const forLee = await chan<{ hearings: Hearing[]; deadlines: Deadline[] }>(
      'GET',
      '/agenda?from=2026-07-01&to=2026-07-31&lawyerId=u-lee',
    )
    expect(forLee.hearings).toEqual([])
    expect(forLee.deadlines).toHaveLength(2)
    // Lee is not a member of HCMP 420/2025: its hearing is not in Lee's agenda.
    const lee = await courtCaller(t, 'u-lee')
    expect(
      (await lee<{ hearings: Hearing[] }>('GET', '/agenda?from=2026-07-01&to=2026-07-31')).hearings.map((h) => h.id),
    ).toEqual([a.id])
    await chan('GET', '/agenda?from=2026-07-31&to=2026-07-01', undefined, 400)
    await chan('GET', '/agenda?from=2026-01-01&to=2027-12-31', undefined, 400)
  })

  it('offers the caller’s cases, their lawyers and courts', async () => {
    const o = await (await courtCaller(t, 'u-lee'))('GET', '/options')
    expect(o.cases).toEqual([{ id: CASE, number: 'HCA 1234/2026', title: expect.any(String), canEdit: true }])
    expect(o.lawyers.map((l: { id: string }) => l.id).sort()).toEqual(['u-chan', 'u-cheung', 'u-lee'])
    expect(o.isAdmin).toBe(false)
    const client = await (await courtCaller(t, 'u-client-tse'))('GET', '/options')
    expect(client.cases[0].canEdit).toBe(false)
  })
})
