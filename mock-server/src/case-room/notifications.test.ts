import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { makePdf, multipart } from '../testing/case-room'

/*
 * The case room writes to each person in their own language (users.locale): an English reader
 * gets English, a Hong Kong reader Traditional Chinese, and people's own words (comment text,
 * document titles) pass through unchanged in both.
 */

let t: TestApp
const HCA = 'case-hca-1234'
const NUMBER = 'HCA 1234/2026'
const as: Record<string, TestCredentials> = {}

beforeAll(async () => {
  t = await createTestApp()
  // Dr Fung (external, no DingTalk) reads English already; Ms Lee (associate, on DingTalk) switches to it.
  await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-lee'")
  for (const id of ['u-chan', 'u-client-tse']) as[id] = await t.signIn(id)
})
afterAll(async () => {
  await t.close()
})

interface Row {
  locale: string
  user_ids: string[]
  title: string
  body: string
}
/** The notifications of `kind`, one per language. */
const byLocale = async (kind: string): Promise<Record<string, Row>> => {
  const { rows } = await t.db.query<Row>('SELECT locale, user_ids, title, body FROM notifications WHERE kind = $1', [
    kind,
  ])
  return Object.fromEntries(rows.map((r) => [r.locale, r]))
}
/** Everything DingTalk showed one person, as text. */
const shownTo = (dingtalkUserId: string) =>
  t.sim.state.messages
    .filter((m) => m.userid === dingtalkUserId)
    .map((m) => JSON.stringify(m.msg))
    .join('\n')

describe('case room notifications in the recipient’s language', () => {
  it('a comment: English to an en member, Traditional Chinese to a zh-HK one, the words as written', async () => {
    const words = 'Please call me 請致電我'
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${HCA}/threads/restricted/comments`,
      headers: as['u-client-tse']!.headers,
      payload: { body: words },
    })
    expect(res.statusCode, res.body).toBe(201)
    const n = await byLocale('case.comment_new')
    expect(Object.keys(n).sort()).toEqual(['en', 'zh-HK'])
    expect(n.en!.user_ids.sort()).toEqual(['u-expert-fung', 'u-lee'])
    expect(n.en!.title).toBe(`Case ${NUMBER}: new comment`)
    expect(n.en!.body).toBe(`謝家輝 Tse Ka-fai on Discussion (restricted): ${words}`)
    expect(n['zh-HK']!.user_ids).toEqual(expect.arrayContaining(['u-chan', 'u-cheung']))
    expect(n['zh-HK']!.user_ids).not.toContain('u-lee')
    expect(n['zh-HK']!.title).toBe(`案件 ${NUMBER}：新留言`)
    expect(n['zh-HK']!.body).toBe(`謝家輝 Tse Ka-fai 於「限閱討論」留言：${words}`)
    // What DingTalk shows, button included.
    await t.worker.drain()
    expect(shownTo('dt-u-lee')).toContain('new comment')
    expect(shownTo('dt-u-lee')).toContain('"single_title":"Open"')
    expect(shownTo('dt-u-lee')).not.toContain('新留言')
    expect(shownTo('dt-u-chan')).toContain('新留言')
    expect(shownTo('dt-u-chan')).toContain('"single_title":"打開"')
  })

  it('a new document: the tier named in each language, the title as written', async () => {
    const body = multipart('brief.pdf', await makePdf(1))
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${HCA}/documents?tier=restricted&notify=true&title=${encodeURIComponent('Expert brief 專家指引')}`,
      headers: { ...as['u-chan']!.headers, ...body.headers },
      payload: body.payload,
    })
    expect(res.statusCode, res.body).toBe(201)
    const n = await byLocale('case.document_new')
    expect(n.en!.user_ids.sort()).toEqual(['u-expert-fung', 'u-lee'])
    expect(n.en!.title).toBe(`Case ${NUMBER}: new document`)
    expect(n.en!.body).toBe('陳大文 Chan Tai-man: Expert brief 專家指引 (restricted)')
    expect(n['zh-HK']!.user_ids.sort()).toEqual(['u-cheung', 'u-client-tse'])
    expect(n['zh-HK']!.title).toBe(`案件 ${NUMBER}：新文件`)
    expect(n['zh-HK']!.body).toBe('陳大文 Chan Tai-man：Expert brief 專家指引（限閱）')
  })

  it('a timeline entry: its kind in each language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${HCA}/events`,
      headers: as['u-chan']!.headers,
      payload: { kind: 'hearing', title: 'CMC 案件管理會議', occursAt: '2026-05-04T02:30:00.000Z' },
    })
    expect(res.statusCode, res.body).toBe(201)
    const n = await byLocale('case.event.hearing')
    expect(n.en).toMatchObject({ title: `Case ${NUMBER}: hearing date`, body: 'CMC 案件管理會議' })
    expect(n['zh-HK']).toMatchObject({ title: `案件 ${NUMBER}：聆訊日期`, body: 'CMC 案件管理會議' })
  })
})
