import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeDocx, makeXlsx } from '../testing/fixtures'
import { classifyFile, walkPaths, type FileClassification } from './index'

const run = promisify(execFile)
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
/** The repository's tsx, which `pnpm classify` runs the CLI with. */
const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url))
let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'classify-'))
  await mkdir(join(dir, 'sub', '.hidden'), { recursive: true })
  await writeFile(join(dir, 'a.txt'), '身份證 A123456(3)\nTel +852 9123 4567\n')
  await writeFile(join(dir, 'sub', 'b.md'), 'hello')
  await writeFile(join(dir, 'sub', 'c.docx'), makeDocx(['合約 chan@example.com']))
  await writeFile(join(dir, 'sub', 'd.xlsx'), makeXlsx([[['信用卡', '4111 1111 1111 1111']]]))
  await writeFile(join(dir, 'sub', 'e.png'), 'x')
  await writeFile(join(dir, 'sub', '.hidden', 'f.txt'), 'A123456(3)')
  await writeFile(join(dir, 'broken.docx'), 'PK garbage')
})

/** Run the CLI the way `pnpm classify` does (tsx), from `cwd`. */
async function classify(args: string[], cwd = dir) {
  try {
    const r = await run(tsx, [cli, ...args], { cwd, env: { ...process.env, INIT_CWD: cwd } })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string }
    return { code: x.code, stdout: x.stdout, stderr: x.stderr }
  }
}

describe('classify CLI', () => {
  it('prints one JSON line per file, walks folders, reports failures and exits 1', async () => {
    const { code, stdout, stderr } = await classify(['--json', '.'])
    const lines = stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            path: string
            label: string
            findings: Array<{ type: string; start: number; end: number; masked: string }>
          },
      )
    expect(lines.map((l) => [l.path, l.label])).toEqual([
      ['a.txt', 'confidential'],
      ['sub/b.md', 'public'],
      ['sub/c.docx', 'internal'],
      ['sub/d.xlsx', 'confidential'],
    ])
    expect(lines[0]!.findings.map((f) => [f.type, f.start, f.end, f.masked])).toEqual([
      ['keyword', 0, 3, '身份證'],
      ['hk_id', 4, 14, 'A123***(*)'],
      ['phone', 19, 33, '+852 9*** **67'],
    ])
    expect(stdout).not.toContain('A123456')
    expect(stderr).toContain('broken.docx: The file is not a valid Office (zip) document')
    expect(stderr).toContain('sub/e.png: skipped (unsupported file type)')
    expect(code).toBe(1)
  }, 30_000)

  it('prints a table, with masked details on request, and exits 0 when all went well', async () => {
    const { code, stdout } = await classify(['a.txt', 'sub/c.docx', '--details'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^FILE\s+LABEL\s+HKID\s+MO-ID\s+CN-ID\s+CARD\s+PHONE\s+EMAIL\s+KEYWORD$/m)
    expect(stdout).toMatch(/^a\.txt\s+confidential\s+1\s+0\s+0\s+0\s+1\s+0\s+1$/m)
    expect(stdout).toContain('A123***(*)')
    expect(stdout).toContain('2 file(s) classified')
  }, 30_000)

  it('fails on a missing path and on bad usage', async () => {
    expect((await classify(['nope.txt'])).code).toBe(1)
    expect((await classify([])).code).toBe(2)
    expect((await classify(['--bogus', 'a.txt'])).code).toBe(2)
  }, 30_000)
})

describe('classify CLI on JSON exports', () => {
  it('finds values behind \\uXXXX escapes and reports offsets into the file text', async () => {
    const jsonDir = await mkdtemp(join(tmpdir(), 'classify-json-'))
    const raw = String.raw`[{"name":"\u9673\u5927\u6587","id":"\u8eab\u4efd\u8b49\uff1aA123456\uff083\uff09","tel":"tel:85291234567"}]`
    await writeFile(join(jsonDir, 'export.json'), raw)
    const { code, stdout } = await classify(['--json', 'export.json'], jsonDir)
    expect(code).toBe(0)
    const line = JSON.parse(stdout.trim()) as FileClassification
    expect(
      line.findings.filter((f) => f.type !== 'keyword').map((f) => [f.type, raw.slice(f.start, f.end), f.masked]),
    ).toEqual([
      ['hk_id', String.raw`A123456\uff083\uff09`, 'A123***（*）'],
      ['phone', '85291234567', '8529*****67'],
    ])
    expect(line.label).toBe('confidential')
  }, 30_000)
})

describe('node helpers', () => {
  it('walks folders in name order, skipping hidden entries', async () => {
    const seen: string[] = []
    for await (const e of walkPaths([dir])) seen.push(`${e.path.slice(dir.length + 1)}${e.skipped ? ' (skipped)' : ''}`)
    expect(seen).toEqual(['a.txt', 'broken.docx', 'sub/b.md', 'sub/c.docx', 'sub/d.xlsx', 'sub/e.png (skipped)'])
  })

  it('classifies a file under a custom policy', async () => {
    const r = await classifyFile(join(dir, 'sub', 'b.md'), { schemaVersion: 1, defaultLabel: 'internal', rules: [] })
    expect(r.label).toBe('internal')
  })
})
