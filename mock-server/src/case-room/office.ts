import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

/** Office formats the suite accepts, by sniffed MIME, with the extension LibreOffice expects. */
export const OFFICE_TYPES: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/x-ole-storage': 'doc',
}

/** Path of `soffice` / `libreoffice` on PATH, or null: then office files stay internal. */
export function findOfficeConverter(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name)
      try {
        accessSync(candidate, constants.X_OK)
        return candidate
      } catch {
        /* not here */
      }
    }
  }
  return null
}

/**
 * Convert an office file to PDF with a headless LibreOffice; each run gets its own profile
 * directory so concurrent conversions do not collide. Rejects after `timeoutMs`.
 */
export async function convertToPdf(
  converter: string,
  bytes: Buffer,
  ext: string,
  timeoutMs = 120_000,
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'suite-convert-'))
  try {
    const input = join(dir, `input.${ext}`)
    await writeFile(input, bytes)
    await new Promise<void>((resolve, reject) => {
      execFile(
        converter,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: timeoutMs },
        (err) => (err ? reject(err) : resolve()),
      )
    })
    return await readFile(join(dir, 'input.pdf'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
