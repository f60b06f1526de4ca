import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const myCases = async (userId: string) => {
  const c = await t.signIn(userId)
  const res = await t.app.inject({ method: 'GET', url: '/api/cases', headers: c.headers })
  expect(res.statusCode).toBe(200)
  return (res.json().items as { id: string }[]).map((x) => x.id).sort()
}

describe('my cases', () => {
  it('a partner sees the cases they are a member of', async () => {
    expect(await myCases('u-chan')).toEqual(['case-hca-1234', 'case-hcmp-0420'])
  })

  it('a walled associate cannot find the case', async () => {
    expect(await myCases('u-ho')).toEqual(['case-dccj-5678'])
  })

  it('an expired external sees nothing of that case', async () => {
    expect(await myCases('u-expert-fung')).toEqual(['case-hca-1234'])
  })

  it('an external loses the case on the next request once their access expires', async () => {
    const c = await t.signIn('u-client-leong')
    const list = async (headers: Record<string, string>) =>
      (await t.app.inject({ method: 'GET', url: '/api/cases', headers })).json().items.length
    expect(await list(c.headers)).toBe(1)
    // 91 days on, the membership (90 days) has lapsed; a fresh session still sees nothing.
    t.setNow(new Date(Date.now() + 91 * 86_400_000))
    try {
      const later = await t.signIn('u-client-leong')
      expect(await list(later.headers)).toBe(0)
    } finally {
      t.setNow(null)
    }
  })

  it('restrict-to-internal suspends externals but not the firm', async () => {
    await t.db.query('UPDATE cases SET restricted_to_internal = true WHERE id = $1', ['case-hca-1234'])
    try {
      expect(await myCases('u-client-tse')).toEqual([])
      expect(await myCases('u-lee')).toEqual(['case-hca-1234'])
    } finally {
      await t.db.query('UPDATE cases SET restricted_to_internal = false WHERE id = $1', ['case-hca-1234'])
    }
  })

  it('searches and pages', async () => {
    const c = await t.signIn('u-chan')
    const hit = (
      await t.app.inject({ method: 'GET', url: `/api/cases?q=${encodeURIComponent('清盤')}`, headers: c.headers })
    ).json()
    expect(hit.items.map((x: { number: string }) => x.number)).toEqual(['HCMP 420/2025'])
    const first = (await t.app.inject({ method: 'GET', url: '/api/cases?limit=1', headers: c.headers })).json()
    expect(first.items).toHaveLength(1)
    const second = (
      await t.app.inject({ method: 'GET', url: `/api/cases?limit=1&cursor=${first.nextCursor}`, headers: c.headers })
    ).json()
    expect(second.items).toHaveLength(1)
    expect(second.items[0].id).not.toBe(first.items[0].id)
    expect(second.nextCursor).toBeNull()
  })
})
