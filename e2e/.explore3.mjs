import { chromium } from 'playwright-core'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] })
const c = await b.newContext({ locale: 'zh-HK', timezoneId: 'Asia/Hong_Kong', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
const p = await c.newPage()
const report = async (tag) => { 
  const m = await p.evaluate(() => {
  const wide = [...document.querySelectorAll('*')].filter((e) => { const r = e.getBoundingClientRect(); return r.right > 392 && r.width > 0 }).map((e) => `${e.tagName}.${String(e.className).slice(0,50)} right=${Math.round(e.getBoundingClientRect().right)} disp=${getComputedStyle(e).display} vis=${getComputedStyle(e).visibility} text=${e.textContent.slice(0,40)}`)
  return { sw: document.documentElement.scrollWidth, iw: window.innerWidth, wide: wide.slice(0, 12) }
  })
  const buf = await p.screenshot({ fullPage: true, path: `/tmp/explore/${tag}.png` })
  console.log(tag, buf.readUInt32BE(16), JSON.stringify(m, null, 1))
}
await p.goto('http://127.0.0.1:18777/apps/court-calendar/?corpId=dingdemocorp0001#/deadlines/new?caseId=case-hca-1234')
await p.getByRole('button', { name: '以 李嘉欣 Lee Ka-yan 身分登入' }).click()
await p.getByRole('heading', { name: '新增期限' }).waitFor()
await p.waitForTimeout(1000)
await report('start')
await p.getByRole('combobox', { name: /規則範本$/ }).click()
await p.waitForTimeout(500)
await report('open')
await p.getByRole('option', { name: /^送達傳票（2整天）/ }).filter({ visible: true }).click()
await p.waitForTimeout(1000)
await report('chosen')
await b.close()
