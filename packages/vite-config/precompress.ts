import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'

/** Files worth compressing: text, at least 1 KB (smaller ones gain nothing over the headers). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/
const MIN_BYTES = 1024

/**
 * Vite plugin: write `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to
 * every built text asset. The backend serves them with `@fastify/static`'s `preCompressed`,
 * so a phone on a slow network downloads the compressed size without the server spending CPU
 * per request. A reverse proxy in front can serve the same files.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'suite:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    writeBundle(_options, bundle) {
      const outDir = join(config.root, config.build.outDir)
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue
        const path = join(outDir, fileName)
        const raw = readFileSync(path)
        if (raw.length < MIN_BYTES) continue
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(raw, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          }),
        )
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }))
      }
    },
  }
}
