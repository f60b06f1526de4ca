import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The HMAC key: SESSION_SECRET when set; otherwise (development only) one generated on first
 * start and kept in the data directory, so sessions survive a restart.
 */
export async function loadSecret(given: string | undefined, dataDir: string): Promise<string> {
  if (given) return given
  const file = join(dataDir, 'session-secret')
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    await mkdir(dataDir, { recursive: true })
    const s = randomBytes(32).toString('hex')
    await writeFile(file, s, { mode: 0o600 })
    return s
  }
}
