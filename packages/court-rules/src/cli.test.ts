import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runDeadlineCli } from './cli-core'

function run(argv: string[], files: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const code = runDeadlineCli(argv, {
    out: (t) => {
      out += t
    },
    err: (t) => {
      err += t
    },
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`)
      return files[p]!
    },
  })
  return { code, out, err }
}

describe('pnpm deadline', () => {
  it('prints the worked example as JSON', () => {
    const r = run(['--from', '2025-04-17', '--days', '7', '--after'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out)
    expect(Object.keys(json)).toEqual(['deadline', 'counted', 'excluded'])
    expect(json.deadline).toBe('2025-04-30')
    expect(json.counted).toHaveLength(7)
    expect(json.excluded.map((e: { date: string; reason: string }) => `${e.date} ${e.reason}`)).toEqual([
      '2025-04-18 general_holiday',
      '2025-04-19 general_holiday',
      '2025-04-20 sunday',
      '2025-04-21 general_holiday',
      '2025-04-26 saturday',
      '2025-04-27 sunday',
    ])
  })

  it('accepts --name=value, --before, --clear and declared days', () => {
    expect(JSON.parse(run(['--from=2025-05-12', '--days=2', '--before', '--clear']).out).deadline).toBe('2025-05-07')
    expect(
      JSON.parse(run(['--from', '2025-04-17', '--days', '7', '--after', '--black-rainstorm', '2025-04-22']).out)
        .deadline,
    ).toBe('2025-05-02')
  })

  it('reads a holiday file with a BOM given by --holidays', () => {
    const file = `\uFEFF${JSON.stringify({ vcalendar: [{ vevent: [{ dtstart: ['20250422', { value: 'DATE' }], dtend: ['20250423', { value: 'DATE' }], summary: 'Extra' }] }] })}`
    const r = run(['--from', '2025-04-17', '--days', '7', '--after', '--holidays', 'h.json'], { 'h.json': file })
    // The file replaces 2025: Easter is no longer listed, only 22 April.
    expect(JSON.parse(r.out).counted[0]).toBe('2025-04-18')
    expect(run(['--from', '2025-04-17', '--days', '7', '--after', '--holidays', 'missing.json']).code).toBe(1)
  })

  it('warns on stderr when the period reaches a year without a holiday list', () => {
    const r = run(['--from', '2028-03-01', '--days', '30', '--after'])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/no general-holiday list for 2028/)
  })

  it.each([
    [[], /--from is required/],
    [
      ['--from', '2025-02-30', '--days', '7', '--after'],
      /--from must be a real date written YYYY-MM-DD \(got '2025-02-30'\)/,
    ],
    [['--from', '17/04/2025', '--days', '7', '--after'], /--from must be a real date/],
    [['--from', '2025-04-17', '--after'], /--days is required/],
    [['--from', '2025-04-17', '--days', 'seven', '--after'], /--days must be a whole number/],
    [['--from', '2025-04-17', '--days', '0', '--after'], /--days must be a whole number/],
    [['--from', '2025-04-17', '--days', '7'], /give --after or --before/],
    [['--from', '2025-04-17', '--days', '7', '--after', '--before'], /not both/],
    [['--from', '2025-04-17', '--days', '7', '--after', '--weeks'], /unknown option '--weeks'/],
    [['--from', '--days', '7', '--after'], /--from needs a value/],
  ])('refuses %j with a clear message and exit code 2', (argv, message) => {
    const r = run(argv as string[])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(message)
    expect(r.err).toContain('Usage: pnpm deadline')
  })

  it('runs as a process through tsx with the exit code and JSON on stdout', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url))
    const tsx = `${root}node_modules/.bin/tsx`
    expect(existsSync(tsx)).toBe(true)
    const ok = spawnSync(tsx, ['packages/court-rules/src/cli.ts', '--from', '2025-04-17', '--days', '8', '--after'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).deadline).toBe('2025-04-25')
    const bad = spawnSync(tsx, ['packages/court-rules/src/cli.ts', '--from', 'tomorrow', '--days', '8', '--after'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--from must be a real date/)
  }, 30_000)
})
