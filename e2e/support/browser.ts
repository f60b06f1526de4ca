import { afterAll, beforeAll } from 'vitest'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core'

/**
 * Debian's Chromium with the flags this machine needs (no sandbox as root, no background network).
 * Local Network Access checks are off because the fake DingTalk PC host page is a public origin
 * (https://host.dingtalk.com) framing the suite on 127.0.0.1; in production both are public.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=LocalNetworkAccessChecks',
    ],
  })
}

/** A phone-sized context (iPhone 13-ish viewport, touch). */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
}
/** The DingTalk PC client window size. */
export const PC: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }

/** The user agent of the DingTalk iOS client. */
export const DINGTALK_IOS_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.6.0) com.laiwang.DingTalk/32000000 Channel/201200 language/zh-Hant-HK UT4Aplus/0.0.6 WK'

/** Open a context in the given locale (zh-HK unless said otherwise). */
export async function newContext(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-HK', timezoneId: 'Asia/Hong_Kong', ...opts })
}

/**
 * One browser for a spec file: launched before its tests, closed after them with every context
 * it opened. `context(opts)` opens a context (zh-HK unless said otherwise) that is closed with it.
 */
export function useBrowser(defaults: BrowserContextOptions = {}): {
  context(opts?: BrowserContextOptions): Promise<BrowserContext>
} {
  let browser: Browser | undefined
  const open: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => undefined)
    await browser?.close()
  })
  return {
    async context(opts = defaults) {
      if (!browser) throw new Error('useBrowser: the browser starts in beforeAll; open contexts inside tests or hooks')
      const c = await newContext(browser, opts)
      open.push(c)
      return c
    },
  }
}
