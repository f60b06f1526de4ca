import { strFromU8, unzipSync } from 'fflate'
import { ExtractError } from './errors'

/**
 * Read the XML parts of an OOXML package whose paths pass `want`, as strings by path.
 * @throws ExtractError `corrupt` when the bytes are not a zip, `encrypted` for a protected
 * Office file (those are an OLE container, not a zip).
 */
export function readZipParts(bytes: Uint8Array, want: (path: string) => boolean): Map<string, string> {
  // Password-protected Office files are Compound File Binary: D0 CF 11 E0.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ExtractError('encrypted', 'The document is password-protected or in the old binary format')
  }
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: (f) => want(f.name) })
  } catch (e) {
    throw new ExtractError('corrupt', 'The file is not a valid Office (zip) document', { cause: e })
  }
  const out = new Map<string, string>()
  for (const [path, data] of Object.entries(files)) out.set(path, strFromU8(data))
  return out
}

/** Numeric order of `sheet10.xml` after `sheet2.xml`. */
export function byTrailingNumber(a: string, b: string): number {
  const n = (s: string): number => Number(/(\d+)\.xml$/.exec(s)?.[1] ?? 0)
  return n(a) - n(b) || a.localeCompare(b)
}
