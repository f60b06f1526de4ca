import { useSessionStore } from '@suite/app-kit'
import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it } from 'vitest'
import HomePage from './HomePage.vue'

async function mountHome(urlCorpId: string | null, userId = 'u-chan') {
  const { wrapper } = await mountWithSuite(HomePage, {
    userId,
    before: () => useSessionStore().setUrlCorpId(urlCorpId),
  })
  return wrapper
}

describe('HomePage', () => {
  it('greets the user and shows a tile per mini-app in zh-HK', async () => {
    const wrapper = await mountHome('ding-corp-1')
    expect(wrapper.find('h2').text()).toBe('陳大文 Chan Tai-man，你好')
    const tiles = wrapper.findAll('a.home-page__tile')
    expect(tiles.map((a) => a.find('.home-page__tile-title').text())).toEqual([
      '案件室',
      '法庭日程',
      '資料分類',
      '舉報假客服',
    ])
    expect(tiles[0]!.text()).toContain('案件文件、成員及資訊隔離')
  })

  it('links each tile to its app, carrying the corpId along', async () => {
    const wrapper = await mountHome('ding corp/1')
    const hrefs = wrapper.findAll('a.home-page__tile').map((a) => [a.attributes('data-app'), a.attributes('href')])
    expect(hrefs).toEqual([
      ['case-room', '/apps/case-room/?corpId=ding%20corp%2F1'],
      ['court-calendar', '/apps/court-calendar/?corpId=ding%20corp%2F1'],
      ['data-classifier', '/apps/data-classifier/?corpId=ding%20corp%2F1'],
      ['support-report', '/apps/support-report/?corpId=ding%20corp%2F1'],
    ])
  })

  it('falls back to the session org’s corpId when the URL had none', async () => {
    const wrapper = await mountHome(null)
    expect(wrapper.find('a[data-app="case-room"]').attributes('href')).toBe('/apps/case-room/?corpId=dingdemocorp0001')
  })

  it('explains where DingTalk support lives and links to the report app', async () => {
    const wrapper = await mountHome('ding-corp-1')
    const support = wrapper.find('.home-page__support')
    expect(support.text()).toContain('釘釘在香港並沒有客服熱線，官方客服只可在釘釘應用程式內聯絡')
    expect(support.findAll('.home-page__steps li').map((li) => li.text())).toEqual(['我的', '幫助與反饋', '聯繫客服'])
    const report = support.find('a.home-page__report')
    expect(report.text()).toBe('舉報可疑聯絡')
    expect(report.attributes('href')).toBe('/apps/support-report/?corpId=ding-corp-1')
  })
})

describe('HomePage per role', () => {
  it('offers a client only the case room, without the staff support card', async () => {
    const wrapper = await mountHome('ding-corp-1', 'u-client-tse')
    expect(wrapper.findAll('a.home-page__tile').map((a) => a.attributes('data-app'))).toEqual(['case-room'])
    expect(wrapper.find('.home-page__support').exists()).toBe(false)
  })

  it('offers administration to the IT admin and the compliance officer', async () => {
    for (const id of ['u-lam', 'u-ng']) {
      const apps = (await mountHome('ding-corp-1', id))
        .findAll('a.home-page__tile')
        .map((a) => a.attributes('data-app'))
      expect(apps).toEqual(['case-room', 'court-calendar', 'data-classifier', 'support-report', 'admin'])
    }
  })

  it('links every firm member without the admin app to their own two-step page; not clients, not admins', async () => {
    const link = (await mountHome('ding-corp-1', 'u-chan')).find('[data-test="my-security"]')
    expect(link.attributes('href')).toBe('/apps/admin/?corpId=ding-corp-1#/security')
    expect(link.text()).toContain('我的雙重驗證')
    expect((await mountHome('ding-corp-1', 'u-client-tse')).find('[data-test="my-security"]').exists()).toBe(false)
    expect((await mountHome('ding-corp-1', 'u-lam')).find('[data-test="my-security"]').exists()).toBe(false)
  })
})
