import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageOf } from './bundle-stats'
import { splitIconModule } from './split-icons'

// The icon package is a dependency of @suite/ui; resolve it from there.
const requireFromUi = createRequire(join(import.meta.dirname, '../ui/package.json'))
const iconsEntry = requireFromUi.resolve('@element-plus/icons-vue').replace(/index\.cjs$/, 'index.js')

describe('splitIconModule', () => {
  const source = readFileSync(iconsEntry, 'utf8')

  it('finds every exported icon of the installed @element-plus/icons-vue, each with its own code', () => {
    const icons = splitIconModule(source)
    expect(icons).not.toBeNull()
    const exported = [...source.slice(source.lastIndexOf('\nexport {')).matchAll(/ as (\w+)/g)].map((m) => m[1])
    expect(icons!.map((i) => i.name).sort()).toEqual(exported.sort())
    const arrowDown = icons!.find((i) => i.name === 'ArrowDown')!
    expect(arrowDown.code).toContain('name: "ArrowDown"')
    expect(arrowDown.code).toContain(`${arrowDown.local} = _sfc_main`)
    expect(icons!.filter((i) => i.code.includes('name: "ArrowDown"'))).toHaveLength(1)
  })

  it('gives up (returns null) on a layout it does not know', () => {
    expect(splitIconModule('export const A = 1')).toBeNull()
    expect(splitIconModule(source.replace('// src/components/aim.vue\n', ''))).toBeNull()
  })
})

describe('packageOf', () => {
  it.each([
    ['/r/node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js', 'zod'],
    ['/r/node_modules/.pnpm/@vue+runtime-core@3.5/node_modules/@vue/runtime-core/dist/x.js', '@vue/runtime-core'],
    ['/r/packages/ui/src/components/AppShell.vue?vue&type=style&index=0', 'packages/ui'],
    ['/r/apps/portal/src/main.ts', 'apps/portal'],
    ['\0suite-icon:ArrowDown', '(virtual)'],
  ])('%s -> %s', (id, pkg) => {
    expect(packageOf(id)).toBe(pkg)
  })
})
