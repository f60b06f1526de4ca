import { readFile, readdir, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { DataLabel, LabelPolicy } from '@suite/domain'
import { extractText, isSupported, type ExtractedKind } from '../extract/index'
import { DEFAULT_LABEL_POLICY } from '../policy/default-policy'
import { evaluatePolicy } from '../policy/evaluate'
import { scanText } from '../scan'
import type { Finding } from '../types'

/** The line `pnpm classify --json` prints per file. */
export interface FileClassification {
  path: string
  label: DataLabel
  findings: Array<Pick<Finding, 'type' | 'start' | 'end' | 'confidence' | 'masked'> & { category?: string }>
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
/** pdf.js CMaps and fonts from node_modules, so CJK PDFs extract in Node. */
export const NODE_PDF_OPTIONS = {
  cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
  standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
}

/** Read, extract, scan and label one file. Throws `ExtractError` or a file-system error. */
export async function classifyFile(
  path: string,
  policy: LabelPolicy = DEFAULT_LABEL_POLICY,
): Promise<FileClassification & { kind: ExtractedKind; text: string }> {
  const bytes = new Uint8Array(await readFile(path))
  const { text, kind } = await extractText(path, bytes, { pdf: NODE_PDF_OPTIONS })
  const found = scanText(text)
  return {
    path,
    kind,
    text,
    label: evaluatePolicy(policy, found).label,
    findings: found.map((f) => ({
      type: f.type,
      start: f.start,
      end: f.end,
      confidence: f.confidence,
      masked: f.masked,
      ...(f.category ? { category: f.category } : {}),
    })),
  }
}

/** A file to classify, or one a folder walk passed over. */
export type WalkEntry = { path: string; skipped?: 'unsupported' }

/**
 * Every file under `paths`: files as given, folders recursively in name order. Inside folders,
 * hidden entries and node_modules are passed over and files of other types are reported as
 * skipped; a file named directly is always yielded (the caller reports it if unsupported).
 */
export async function* walkPaths(paths: readonly string[]): AsyncGenerator<WalkEntry> {
  for (const p of paths) {
    const s = await stat(p)
    if (!s.isDirectory()) {
      yield { path: p }
      continue
    }
    yield* walkDir(p)
  }
}

async function* walkDir(dir: string): AsyncGenerator<WalkEntry> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue
    const full = join(dir, e.name)
    if (e.isDirectory()) yield* walkDir(full)
    else if (e.isFile()) yield isSupported(e.name) ? { path: full } : { path: full, skipped: 'unsupported' }
  }
}
