import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

const PREFIX = '\0suite-icon:'
const MODULE = /[\\/]@element-plus[\\/]icons-vue[\\/]dist[\\/]index\.js$/

/** One icon of the package: its exported name and the code that defines it. */
interface IconSource {
  name: string
  local: string
  code: string
}

/**
 * Cut `@element-plus/icons-vue`'s single-file build into its icons. Each icon is a block that
 * starts with a `// src/components/<file>.vue` comment, imports from vue, and ends with
 * `<local>_default = _sfc_mainN;`; the file ends with one `export { <local> as <Name>, ... }`.
 * Returns null when the file does not have that shape (a future version): the caller then
 * leaves the package alone.
 */
export function splitIconModule(source: string): IconSource[] | null {
  const exportAt = source.lastIndexOf('\nexport {')
  if (exportAt < 0) return null
  const names = new Map<string, string>()
  for (const m of source.slice(exportAt).matchAll(/(\w+) as (\w+)/g)) names.set(m[1]!, m[2]!)
  const blocks = source
    .slice(0, exportAt)
    .split(/\n(?=\/\/ src\/components\/[\w-]+\.vue\n)/)
    .slice(1)
  const icons: IconSource[] = []
  for (const code of blocks) {
    const local = /, (\w+_default) = _sfc_main\d*;\s*$/.exec(code)?.[1]
    const name = local && names.get(local)
    if (!local || !name) return null
    icons.push({ name, local, code })
  }
  return icons.length === names.size && icons.length > 0 ? icons : null
}

/**
 * Vite plugin: serve `@element-plus/icons-vue` as one small module per icon behind a
 * re-exporting barrel. The package ships all ~290 icons in one module, and a module lives in
 * one chunk: every icon any lazy page or Element Plus component uses would otherwise land in
 * the app's first bundle. Split, each icon goes to the chunk that uses it.
 */
export function splitElementPlusIcons(): Plugin {
  const icons = new Map<string, string>()
  return {
    name: 'suite:split-element-plus-icons',
    enforce: 'pre',
    apply: 'build',
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null
    },
    load(id) {
      if (id.startsWith(PREFIX)) {
        const code = icons.get(id.slice(PREFIX.length))
        return code === undefined ? null : { code, moduleSideEffects: false }
      }
      if (!MODULE.test(id.split('?')[0]!)) return null
      const parts = splitIconModule(readFileSync(id.split('?')[0]!, 'utf8'))
      if (!parts) {
        this.warn('@element-plus/icons-vue has an unexpected layout: icons are not split per chunk')
        return null
      }
      for (const icon of parts) icons.set(icon.name, `${icon.code}\nexport default ${icon.local};\n`)
      const barrel = parts
        .map((icon) => `export { default as ${icon.name} } from ${JSON.stringify(PREFIX + icon.name)};`)
        .join('\n')
      return { code: barrel, moduleSideEffects: false }
    },
  }
}
