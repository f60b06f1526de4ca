import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

/** Where {@link bundleStats} writes, relative to the app's root (kept out of `dist`, which is served). */
export const BUNDLE_STATS_FILE = 'node_modules/.cache/suite/bundle-stats.json'

/** What {@link bundleStats} records of one output chunk. */
export interface ChunkStats {
  /** Rendered (pre-minification) bytes per package, e.g. `zod`, `element-plus`, `packages/ui`. */
  packages: Record<string, number>
}

/**
 * The package a module belongs to: `zod` or `@vue/runtime-core` for dependencies,
 * `packages/ui` or `apps/portal` for workspace code, `(virtual)` for generated modules.
 */
export function packageOf(id: string): string {
  const path = id.replace(/\\/g, '/').split('?')[0]!
  const dep = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (dep) return dep[1]!
  const own = /\/((?:packages|apps)\/[^/]+)\//.exec(path)
  if (own) return own[1]!
  return path.startsWith('\0') || !path.startsWith('/') ? '(virtual)' : '(other)'
}

/**
 * Vite plugin: after a build, write which packages make up each chunk, so `pnpm budget` can
 * say what an over-budget app is made of and what grew since the recorded baseline.
 */
export function bundleStats(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'suite:bundle-stats',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    generateBundle(_options, bundle) {
      const chunks: Record<string, ChunkStats> = {}
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue
        const packages: Record<string, number> = {}
        for (const [id, mod] of Object.entries(output.modules)) {
          const key = packageOf(id)
          packages[key] = (packages[key] ?? 0) + mod.renderedLength
        }
        chunks[fileName] = { packages }
      }
      const file = join(config.root, BUNDLE_STATS_FILE)
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(file, JSON.stringify({ outDir: config.build.outDir, chunks }, null, 1))
    },
  }
}
