import { chromium } from 'playwright-core'
import { readFileSync } from 'node:fs'
const [,, file, y, h, out] = process.argv
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] })
const p = await b.newPage({ viewport: { width: 800, height: 800 } })
const data = readFileSync(file).toString('base64')
await p.setContent(`<body style="margin:0"><img id=i src="data:image/png;base64,${data}"></body>`)
const box = await p.locator('#i').boundingBox()
await p.screenshot({ path: out, clip: { x: 0, y: Number(y), width: box.width, height: Math.min(Number(h), box.height - Number(y)) }, fullPage: true })
await b.close()
