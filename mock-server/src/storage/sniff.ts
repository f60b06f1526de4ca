/**
 * The type of a file from its first bytes. Only the types the suite accepts are recognised;
 * anything else is `application/octet-stream` and callers refuse it.
 */
export function sniffMime(head: Uint8Array): string {
  const b = Buffer.from(head)
  const starts = (sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x)
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (starts([0x50, 0x4b, 0x03, 0x04])) {
    const text = b.toString('latin1')
    if (text.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    if (text.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    if (text.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
    return 'application/zip'
  }
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage'
  if (b.length > 0 && looksLikeUtf8Text(b)) return 'text/plain'
  return 'application/octet-stream'
}

function looksLikeUtf8Text(b: Buffer): boolean {
  if (b.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartial(b))
    return true
  } catch {
    return false
  }
}

/** Drop a multi-byte character cut at the end of the sniffed head. */
function trimPartial(b: Buffer): Buffer {
  let end = b.length
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i]!
    if ((c & 0xc0) === 0xc0) {
      end -= i
      break
    }
    if ((c & 0x80) === 0) break
  }
  return b.subarray(0, end)
}
