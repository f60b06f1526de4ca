import type { Candidate } from '../types'

/**
 * Email addresses, also percent-encoded in a `mailto:` link (`amy%40example.com`). The local
 * part may only start where no local-part character precedes it, so a long run of letters is
 * tried once, not from every position (no quadratic backtracking).
 */
const EMAIL =
  /(?<![\w.%+-])\w[\w.%+-]{0,63}(?:@|%40)((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![A-Za-z0-9-])/g

/**
 * File extensions no top-level domain uses: `logo@2x.png`, `icon@3x.webp`, `cv@v2.pdf` are
 * file names (image density suffixes, versions), not addresses.
 */
const FILE_EXTENSIONS = new Set([
  'png',
  'apng',
  'jpg',
  'jpeg',
  'jfif',
  'gif',
  'webp',
  'svg',
  'bmp',
  'ico',
  'avif',
  'heic',
  'heif',
  'tif',
  'tiff',
  'psd',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'txt',
  'csv',
  'json',
  'xml',
  'js',
  'mjs',
  'ts',
  'css',
  'html',
  'htm',
  'webm',
  'wav',
])
/** A density suffix as the first label of the "domain": `2x`, `1.5x`. */
const DENSITY = /^\d+(?:\.\d+)?x\./i

/**
 * Where an address really ends: file-extension labels are dropped from the end of its domain
 * (`chan@example.com.docx` → `chan@example.com`); -1 when no domain of two labels is left or
 * the domain starts with a density suffix (`logo@2x.png`).
 */
function addressEnd(domain: string, domainStart: number): number {
  if (DENSITY.test(domain)) return -1
  const labels = domain.split('.')
  while (labels.length >= 2 && FILE_EXTENSIONS.has(labels[labels.length - 1]!.toLowerCase())) labels.pop()
  if (labels.length < 2 || !/^[A-Za-z]{2,24}$/.test(labels[labels.length - 1]!)) return -1
  return domainStart + labels.join('.').length
}

/** Find email addresses; `folded` is the scan-folded text. */
export function detectEmails(folded: string, out: Candidate[]): void {
  if (!folded.includes('@') && !folded.includes('%40')) return
  EMAIL.lastIndex = 0
  for (let m = EMAIL.exec(folded); m; m = EMAIL.exec(folded)) {
    const end = addressEnd(m[1]!, m.index + m[0].length - m[1]!.length)
    if (end > 0) out.push({ type: 'email', start: m.index, end, base: 0.9 })
  }
}
