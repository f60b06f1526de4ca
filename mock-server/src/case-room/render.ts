import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { drawWatermark, fontStackFor, type Watermark } from './watermark'

const require = createRequire(import.meta.url)
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'))

/** What a page is drawn from. */
export type RenderSource = 'pdf' | 'image'

/** Thrown for a page number past the end, or a file that is not what it claims. */
export class RenderError extends Error {
  constructor(
    readonly reason: 'no_such_page' | 'unreadable',
    message: string,
  ) {
    super(message)
    this.name = 'RenderError'
  }
}

/** Options of {@link createPageRenderer}. */
export interface PageRendererOptions {
  /** Width of a rendered page in pixels (A4 at ~150 dpi by default). */
  width?: number
  /** Budget of the cache of plain (un-watermarked) rasters, in bytes of encoded image. */
  cacheBytes?: number
}

type PdfJs = typeof PdfJsModule
let pdfjsModule: Promise<PdfJs> | null = null
/**
 * pdf.js and its worker code, loaded once. In Node pdf.js runs its "worker" on the main thread;
 * handing it the already imported worker module (`globalThis.pdfjsWorker`) spares every process
 * a second, lazy import of ~2 MB of code on its first document.
 */
const pdfjs = () =>
  (pdfjsModule ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })())

/** A tiny LRU keyed by string, bounded by a cost function. */
function lru<V>(budget: number, cost: (v: V) => number, onEvict?: (v: V) => void) {
  const map = new Map<string, V>()
  let used = 0
  return {
    get(k: string): V | undefined {
      const v = map.get(k)
      if (v !== undefined) {
        map.delete(k)
        map.set(k, v)
      }
      return v
    },
    set(k: string, v: V): void {
      const old = map.get(k)
      if (old !== undefined) {
        used -= cost(old)
        map.delete(k)
      }
      map.set(k, v)
      used += cost(v)
      while (used > budget && map.size > 1) {
        const [firstKey, firstVal] = map.entries().next().value as [string, V]
        map.delete(firstKey)
        used -= cost(firstVal)
        onEvict?.(firstVal)
      }
    },
  }
}

/**
 * Rasterises pages of PDFs (pdf.js, legacy build, in-process) and images (@napi-rs/canvas) and
 * burns a per-viewer watermark into each. Only the resulting JPEG ever leaves the server.
 *
 * The expensive part, rasterising a page, is cached *without* the watermark, in server memory
 * only; the watermark (viewer, minute, case) is drawn fresh on every request, so a cached
 * page can never show one viewer's name to another. Renders run one at a time: pdf.js is CPU
 * bound on the event loop, and queueing keeps latency of other requests predictable.
 */
export function createPageRenderer(opts: PageRendererOptions = {}) {
  const width = opts.width ?? 1240
  const rasters = lru<Buffer>(opts.cacheBytes ?? 64 * 1024 * 1024, (b) => b.length)
  const docs = lru<Promise<PDFDocumentProxy>>(
    4,
    () => 1,
    (p) => {
      void p.then((d) => d.destroy()).catch(() => undefined)
    },
  )
  let queue: Promise<unknown> = Promise.resolve()

  /** Run `fn` after every render queued before it. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = queue.then(fn, fn)
    queue = next.catch(() => undefined)
    return next
  }

  async function openPdf(key: string, bytes: () => Promise<Buffer>): Promise<PDFDocumentProxy> {
    let doc = docs.get(key)
    if (!doc) {
      doc = (async () => {
        const { getDocument } = await pdfjs()
        const data = new Uint8Array(await bytes())
        return getDocument({
          data,
          isEvalSupported: false,
          useSystemFonts: false,
          disableFontFace: true,
          standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
          cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
          cMapPacked: true,
          verbosity: 0,
        }).promise
      })()
      doc.catch(() => undefined)
      docs.set(key, doc)
    }
    try {
      return await doc
    } catch (e) {
      throw new RenderError('unreadable', `cannot read PDF: ${(e as Error).message}`)
    }
  }

  async function rasterPdf(key: string, bytes: () => Promise<Buffer>, page: number): Promise<Canvas> {
    const doc = await openPdf(key, bytes)
    if (page < 1 || page > doc.numPages) throw new RenderError('no_such_page', `page ${page} of ${doc.numPages}`)
    const p = await doc.getPage(page)
    const base = p.getViewport({ scale: 1 })
    const scale = Math.min(width / base.width, 4000 / base.height, 3)
    const viewport = p.getViewport({ scale })
    const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)))
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    // pdf.js draws onto any 2D context with the browser canvas API; @napi-rs/canvas implements it.
    await p.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise
    p.cleanup()
    return canvas
  }

  async function rasterImage(bytes: () => Promise<Buffer>, page: number): Promise<Canvas> {
    if (page !== 1) throw new RenderError('no_such_page', `page ${page} of 1`)
    let img
    try {
      img = await loadImage(await bytes())
    } catch (e) {
      throw new RenderError('unreadable', `cannot read image: ${(e as Error).message}`)
    }
    const scale = Math.min(1, 1600 / img.width, 4000 / img.height)
    const canvas = createCanvas(Math.max(1, Math.round(img.width * scale)), Math.max(1, Math.round(img.height * scale)))
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    return canvas
  }

  return {
    /**
     * Load pdf.js and the watermark font's Latin / digit subsets ahead of the first view, so the
     * first reader after a restart does not wait for them.
     */
    async warm(): Promise<void> {
      await pdfjs()
      fontStackFor('0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz ·-:/() 僅供檢視 View only')
    },

    /** Pages of a file (1 for an image); throws {@link RenderError} for an unreadable one. */
    async pageCount(key: string, source: RenderSource, bytes: () => Promise<Buffer>): Promise<number> {
      if (source === 'image') {
        await rasterImage(bytes, 1)
        return 1
      }
      return serial(async () => (await openPdf(key, bytes)).numPages)
    },

    /**
     * Page `page` (1-based) of the file `key` as a JPEG with `watermark` burned in.
     * `bytes` loads the file only when the page is not cached yet.
     */
    async render(
      key: string,
      source: RenderSource,
      bytes: () => Promise<Buffer>,
      page: number,
      watermark: Watermark,
    ): Promise<Buffer> {
      const cacheKey = `${key}:${page}:${width}`
      let plain = rasters.get(cacheKey)
      if (!plain) {
        plain = await serial(async () => {
          const canvas = source === 'pdf' ? await rasterPdf(key, bytes, page) : await rasterImage(bytes, page)
          return canvas.encode('png')
        })
        rasters.set(cacheKey, plain)
      }
      const img = await loadImage(plain)
      const canvas = createCanvas(img.width, img.height)
      const ctx = canvas.getContext('2d')
      ctx.drawImage(img, 0, 0)
      drawWatermark(ctx, canvas.width, canvas.height, watermark)
      return canvas.encode('jpeg', 82)
    },
  }
}

/** What {@link createPageRenderer} returns. */
export type PageRenderer = ReturnType<typeof createPageRenderer>
