import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

const dir = fileURLToPath(new URL('../.artifacts/screenshots/', import.meta.url))

/**
 * Keep a screenshot of what a user saw, for people to look at (e2e/.artifacts/screenshots).
 * Transitions are taken at their end (a tag fading in shows as it will a moment later).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: 'disabled' })
}
