import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas'

/** Who is looking, when, at which case: burned into every page an external (or anyone) is shown. */
export interface Watermark {
  viewerName: string
  caseNumber: string
  at: Date
}

const require = createRequire(import.meta.url)

interface Face {
  file: string
  ranges: [number, number][]
}

/**
 * Noto Sans TC from @fontsource, split by the package into ~100 unicode-range subsets (woff2).
 * Only the subsets a watermark's characters need are registered, each under its own family
 * name, and listed together as one CSS font stack so Skia falls back subset by subset.
 * No system font is needed: a fresh machine with only Node and npm renders Chinese names.
 */
let faces: Face[] | null = null
let fontDir = ''
const registered = new Map<string, string>()

function loadFaces(): Face[] {
  if (faces) return faces
  const css = require.resolve('@fontsource/noto-sans-tc/400.css')
  fontDir = join(dirname(css), 'files')
  const text = readFileSync(css, 'utf8')
  faces = [...text.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map((m) => ({
    file: m[1]!,
    ranges: m[2]!.split(',').map((r) => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-')
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number]
    }),
  }))
  return faces
}

/** A CSS font-family list able to draw every character of `text` (registering subsets on first use). */
export function fontStackFor(text: string): string {
  const all = loadFaces()
  const families: string[] = []
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!
    const face = all.find((f) => f.ranges.some(([a, b]) => cp >= a && cp <= b))
    if (!face) continue
    let family = registered.get(face.file)
    if (!family) {
      family = `SuiteWatermark${registered.size}`
      GlobalFonts.registerFromPath(join(fontDir, face.file), family)
      registered.set(face.file, family)
    }
    if (!families.includes(family)) families.push(family)
  }
  return [...families.map((f) => `"${f}"`), 'sans-serif'].join(', ')
}

/** `2026-03-02 14:05` in Hong Kong time, whatever the server's zone. */
export function hongKongMinute(d: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Hong_Kong',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** The one line every watermark repeats. */
export function watermarkLine(w: Watermark): string {
  return `${w.viewerName} · ${hongKongMinute(w.at)} HKT · ${w.caseNumber}`
}

/**
 * Burn the watermark into a page: the line tiled diagonally across the whole page (so no crop
 * removes it) and once more, fully legible, in a band along the bottom edge.
 */
export function drawWatermark(ctx: SKRSContext2D, width: number, height: number, w: Watermark): void {
  const line = watermarkLine(w)
  const band = `${line} · 僅供檢視 View only`
  const stack = fontStackFor(band)
  const size = Math.max(14, Math.round(width / 42))
  ctx.save()
  ctx.font = `${size}px ${stack}`
  ctx.fillStyle = 'rgba(150, 20, 20, 0.18)'
  ctx.textBaseline = 'middle'
  const step = ctx.measureText(line).width + size * 3
  const diagonal = Math.hypot(width, height)
  ctx.translate(width / 2, height / 2)
  ctx.rotate(-Math.PI / 6)
  for (let y = -diagonal / 2, row = 0; y < diagonal / 2; y += size * 4.5, row++) {
    const offset = (row % 2) * (step / 2)
    for (let x = -diagonal / 2 - offset; x < diagonal / 2; x += step) ctx.fillText(line, x, y)
  }
  ctx.restore()

  ctx.save()
  const bandSize = Math.max(12, Math.round(width / 60))
  const bandHeight = Math.round(bandSize * 2)
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)'
  ctx.fillRect(0, height - bandHeight, width, bandHeight)
  ctx.font = `${bandSize}px ${stack}`
  ctx.fillStyle = 'rgba(120, 10, 10, 0.95)'
  ctx.textBaseline = 'middle'
  ctx.fillText(band, bandSize, height - bandHeight / 2, width - bandSize * 2)
  ctx.restore()
}
