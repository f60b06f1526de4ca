// @vitest-environment node
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { SUITE_LOCALES, TriageAction } from '@suite/domain'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, auditActionLabel } from './audit-actions'

const SERVER = join(import.meta.dirname, '../../../../mock-server/src')

/** The server's source files (tests, test helpers and benchmarks write no real entries). */
function serverFiles(dir = SERVER): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'testing' || name === 'bench' ? [] : serverFiles(path)
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : []
  })
}

/**
 * Actions whose code the server builds from a value: the prefix found in the source and the
 * values it can take. A new prefix in the server fails the test until it is listed here.
 */
const BUILT: Record<string, readonly string[]> = {
  'support.triage.': TriageAction.options.map((o) => o.shape.action.value),
  'court.hearing.': ['cancel', 'restore'],
}

/** Every audit action code in the server source: `action: '…'` (and ternaries), `` `…${x}` ``, and `audit('…')` helpers. */
function actionsInServer(): { actions: Set<string>; unknownPrefixes: string[] } {
  const actions = new Set<string>()
  const unknownPrefixes: string[] = []
  for (const file of serverFiles()) {
    const src = readFileSync(file, 'utf8')
    for (const line of src.matchAll(/\baction:\s*([^\n]*)/g)) {
      for (const m of line[1]!.matchAll(/['`]([a-z_]+(?:\.[a-z_]+)+)(\.\$\{)?/g)) {
        if (!m[2]) actions.add(m[1]!)
        else if (BUILT[`${m[1]}.`]) for (const v of BUILT[`${m[1]}.`]!) actions.add(`${m[1]}.${v}`)
        else unknownPrefixes.push(`${m[1]}.\${…} in ${file}`)
      }
    }
    for (const m of src.matchAll(/\baudit\(\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1]!)
  }
  return { actions, unknownPrefixes }
}

describe('the audit action catalogue', () => {
  it('has words in every language for every action the server can write', () => {
    const { actions, unknownPrefixes } = actionsInServer()
    expect(unknownPrefixes).toEqual([])
    // Sanity: the scan finds the actions the issue named.
    expect(actions).toContain('support.triage.set_status')
    expect(actions).toContain('user.created')
    expect(actions.size).toBeGreaterThan(90)
    const missing = [...actions].filter((a) => !AUDIT_ACTIONS[a]).sort()
    expect(missing).toEqual([])
    for (const a of actions)
      for (const locale of SUITE_LOCALES) expect(AUDIT_ACTIONS[a]![locale].trim(), `${a} ${locale}`).not.toBe('')
  })

  it('never shows a code: zh-HK words are Chinese, and an unknown action reads as "another action"', () => {
    for (const [a, words] of Object.entries(AUDIT_ACTIONS)) {
      expect(words['zh-HK'], a).toMatch(/[\u4e00-\u9fff]/)
      expect(words['zh-HK'], a).not.toMatch(/[a-z]_[a-z]|\.[a-z]/)
    }
    // One action, one wording: the action filter offers each once.
    for (const locale of SUITE_LOCALES) {
      const labels = Object.values(AUDIT_ACTIONS).map((x) => x[locale])
      expect(
        labels.filter((l, i) => labels.indexOf(l) !== i),
        locale,
      ).toEqual([])
    }
    expect(auditActionLabel('support.triage.set_status', 'zh-HK')).toBe('更改舉報狀態')
    expect(auditActionLabel('no.such_action', 'zh-HK')).toBe('其他操作')
  })
})
