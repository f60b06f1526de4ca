import { chromium } from 'playwright-core'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] })
const c = await b.newContext({ locale: 'zh-HK', timezoneId: 'Asia/Hong_Kong', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
const p = await c.newPage()
await p.goto('http://127.0.0.1:18777/apps/court-calendar/?corpId=dingdemocorp0001#/hearings/new')
await p.getByRole('button', { name: '以 李嘉欣 Lee Ka-yan 身分登入' }).click()
await p.getByRole('heading', { name: '新增聆訊' }).waitFor()
await p.waitForTimeout(1000)
const report = () => p.evaluate(() => {
  const out = [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]
  const wide = [...document.querySelectorAll('body *')].filter((e) => { const r = e.getBoundingClientRect(); return r.right > 392 && getComputedStyle(e).display !== 'none' }).slice(0, 15).map((e) => { let chain=[]; let x=e; while (x && x!==document.body) { chain.push(x.tagName+'.'+String(x.className).slice(0,40)+(getComputedStyle(x).overflow!=='visible'?'[ov:'+getComputedStyle(x).overflow+']':'')); x=x.parentElement } return chain.join(' < ') + ' text=' + e.textContent.slice(0,60) })
  return { out, wide }
})
console.log(JSON.stringify(await report(), null, 1))
await p.getByRole('combobox', { name: /案件$/ }).click()
await p.getByRole('option').filter({ visible: true }).first().click()
await p.waitForTimeout(500)
console.log(JSON.stringify(await report(), null, 1))
await b.close()
