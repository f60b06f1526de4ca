/** Options of {@link compressImage}. */
export interface CompressOptions {
  /** Longest side after scaling, in pixels. */
  maxSide?: number
  /** JPEG quality 0..1. */
  quality?: number
}

/**
 * Make a screenshot smaller before it is stored and sent: scaled to `maxSide` and re-encoded
 * as JPEG. Phone screenshots shrink from megabytes to a few hundred KB. Returns the original
 * when the browser cannot decode it or the result would not be smaller.
 */
export async function compressImage(file: Blob, o: CompressOptions = {}): Promise<Blob> {
  const maxSide = o.maxSide ?? 1600
  const quality = o.quality ?? 0.72
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    return file
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(bitmap.width * scale))
  canvas.height = Math.max(1, Math.round(bitmap.height * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) return file
  // JPEG has no transparency: paint white first so transparent PNG areas do not turn black.
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
  return out && out.size < file.size ? out : file
}
