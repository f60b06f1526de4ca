import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'
import { pageLocale } from './not-found-page'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('an address that is not a page of the suite', () => {
  it('a mistyped app URL gets a small HTML page in zh-HK with a link to the portal, not JSON', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/apps/case-rom/?corpId=x',
      headers: { 'accept-language': 'zh-HK,zh;q=0.9,en;q=0.8' },
    })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['content-language']).toBe('zh-HK')
    expect(res.body).toContain('<html lang="zh-HK">')
    expect(res.body).toContain('找不到此頁面')
    // The portal of the configured public URL and corp, so it signs in inside DingTalk too.
    const corpId = encodeURIComponent(t.env.DINGTALK_CORP_ID)
    expect(res.body).toMatch(
      new RegExp(`<a href="https?://[^"]+/apps/portal/\\?corpId=${corpId}#/">返回律師行事務套件</a>`),
    )
    expect(res.body).not.toContain('not_found')
    expect(res.body).not.toContain('case-rom')
  })

  it('answers in Simplified Chinese or English by Accept-Language', async () => {
    const cn = await t.app.inject({ method: 'GET', url: '/apps/nope', headers: { 'accept-language': 'zh-CN' } })
    expect(cn.body).toContain('找不到此页面')
    expect(cn.body).toContain('返回律所事务套件')
    const en = await t.app.inject({ method: 'GET', url: '/favicon-x.png', headers: { 'accept-language': 'en-GB' } })
    expect(en.statusCode).toBe(404)
    expect(en.body).toContain('Page not found')
    expect(en.body).toContain('Back to the Legal Suite')
  })

  it('/api keeps the JSON ErrorBody', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('not_found')
    const post = await t.app.inject({ method: 'POST', url: '/apps/nope', payload: {} })
    expect(post.json().error.code).toBe('not_found')
  })

  it('picks the language by quality, zh-HK when nothing matches', () => {
    expect(pageLocale(undefined)).toBe('zh-HK')
    expect(pageLocale('fr-FR')).toBe('zh-HK')
    expect(pageLocale('en;q=0.5, zh-TW;q=0.8')).toBe('zh-HK')
    expect(pageLocale('zh-Hans-CN')).toBe('zh-CN')
    expect(pageLocale('fr, en-US;q=0.9, zh-CN;q=0.1')).toBe('en')
    expect(pageLocale('zh-CN;q=0, en')).toBe('en')
  })
})
