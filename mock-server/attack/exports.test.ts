import { randomBytes, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '@suite/domain'
import { makePng } from '../src/testing/case-room'
import { filesUnder } from './harness'
import {
  addDingTalkUser,
  call,
  inviteExternal,
  signIn,
  signInDingTalk,
  signInExternal,
  target,
  type Session,
} from './client'
import { fillPath, isAdminOnly, loadOperations, queryFor } from './catalogue'
import { DEMO, upload, uploadOk } from './fixtures'

/**
 * Files that leave the suite (CSV exports opened in a spreadsheet), files that arrive (refused
 * uploads must not stay on disk), and page links a client can edit (cursors).
 */

/** Cells of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function csvCells(text: string): string[] {
  const cells: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',' || ch === '\n') {
      cells.push(cur)
      cur = ''
    } else if (ch !== '\r' || text[i + 1] !== '\n') cur += ch
  }
  cells.push(cur)
  return cells
}

/** Cells a spreadsheet would run as a formula (or that smuggle one behind a tab or carriage return). */
const formulas = (csv: string) => csvCells(csv.replace(/^\uFEFF/, '')).filter((c) => /^[=+\-@\t\r]/.test(c))

/** Hong Kong dates around today (the export's window is in Hong Kong days). */
const hkDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10)

const HOSTILE = [
  '=HYPERLINK("https://evil.example/x","Open")',
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1,1)',
]

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: exports, uploads and cursors`, () => {
    const t = target(name)
    let partner: Session
    let officer: Session
    let admin: Session

    beforeAll(async () => {
      partner = await signIn(t, 'u-chan')
      officer = await signIn(t, 'u-ng')
      admin = await signIn(t, 'u-lam')
    })

    it('neutralises spreadsheet formulas in the audit CSV export (names chosen by outsiders and by DingTalk profiles)', async () => {
      // An invited outsider picks the name the audit chain records as the actor of their acceptance.
      for (const evil of HOSTILE) await inviteExternal(partner, DEMO.case, evil)
      // A DingTalk profile name reaches the chain at sign-in, untrimmed.
      const dt = `dt-attack-csv-${name}`
      await addDingTalkUser(t, dt, '\t=HYPERLINK("https://evil.example/t")')
      await signInDingTalk(t, dt)
      const csv = await officer.get(`/api/audit/export?from=${hkDay(-1)}&to=${hkDay(1)}&format=csv`)
      expect(csv.status).toBe(200)
      expect(csv.text).toContain('HYPERLINK')
      expect(formulas(csv.text)).toEqual([])
    })

    it('neutralises spreadsheet formulas in the support triage CSV export (reporter names, phone numbers)', async () => {
      const dt = `dt-attack-triage-${name}`
      await addDingTalkUser(t, dt, HOSTILE[0]!)
      const reporter = await signInDingTalk(t, dt)
      const values = {
        identifierKind: 'phone',
        identifier: '+852 6123 4567',
        channel: 'call',
        claimedIdentity: 'dingtalk_support',
        askedFor: ['one_time_code'],
        complied: 'no',
        message: "=cmd|'/C calc'!A0",
      }
      const sent = await reporter.send('POST', '/api/support/reports', {
        json: { formVersion: 1, values, reportedAt: new Date().toISOString() },
        headers: { 'idempotency-key': randomUUID() },
      })
      expect(sent.status).toBe(201)
      const csv = await admin.get('/api/support/triage/export')
      expect(csv.status).toBe(200)
      expect(csv.text).toContain('HYPERLINK')
      expect(formulas(csv.text)).toEqual([])
    })

    it('leaves no file on disk for a refused upload (wrong type, disguised type, damaged, empty, too big, not an image)', async () => {
      const blobs = () => filesUnder(join(t.dataDir, 'blobs')).length
      const client = await signInExternal(t, partner, DEMO.case, 'u-client-tse')
      const refusals: [string, () => Promise<{ status: number }>][] = [
        [
          'an executable',
          () =>
            upload(partner, DEMO.case, 'private', {
              name: 'tool.exe',
              bytes: Buffer.concat([Buffer.from('MZ'), randomBytes(512)]),
              mime: 'application/octet-stream',
            }),
        ],
        [
          'a zip named and typed as a PDF',
          () =>
            upload(partner, DEMO.case, 'restricted', {
              name: 'order.pdf',
              bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(512)]),
              mime: 'application/pdf',
            }),
        ],
        [
          'a damaged PDF',
          () =>
            upload(partner, DEMO.case, 'restricted', {
              name: 'broken.pdf',
              bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(512)]),
              mime: 'application/pdf',
            }),
        ],
        [
          'plain text outside the private area',
          () =>
            upload(partner, DEMO.case, 'public', {
              name: 'note.txt',
              bytes: Buffer.from(`note ${randomUUID()}`),
              mime: 'text/plain',
            }),
        ],
        [
          'an empty file',
          () =>
            upload(partner, DEMO.case, 'private', {
              name: 'empty.pdf',
              bytes: Buffer.alloc(0),
              mime: 'application/pdf',
            }),
        ],
        [
          'a file over the upload limit',
          () =>
            upload(partner, DEMO.case, 'private', {
              name: 'big.txt',
              bytes: Buffer.alloc(3 * 1024 * 1024, 'a'),
              mime: 'text/plain',
            }),
        ],
        [
          "a client's upload to the private area",
          () =>
            upload(client, DEMO.case, 'private', {
              name: 'mine.txt',
              bytes: Buffer.from(`client ${randomUUID()}`),
              mime: 'text/plain',
            }),
        ],
        [
          'a "screenshot" that is not an image',
          () => partner.send('POST', '/api/support/attachments', { raw: randomBytes(2048), contentType: 'image/png' }),
        ],
      ]
      const left: string[] = []
      for (const [what, attempt] of refusals) {
        const before = blobs()
        const a = await attempt()
        if (a.status < 400 || a.status >= 500) left.push(`${what}: answered ${a.status}`)
        if (blobs() !== before) left.push(`${what}: ${blobs() - before} file(s) left on disk`)
      }
      expect(left).toEqual([])
      // The control: an accepted upload does add a file, so the count can see one.
      const before = blobs()
      await uploadOk(partner, DEMO.case, 'restricted', {
        name: 'ok.png',
        bytes: makePng(40, 30, `#${randomBytes(3).toString('hex')}`),
        mime: 'image/png',
      })
      expect(blobs()).toBeGreaterThan(before)
    })

    it('answers 400 to a page cursor it did not hand out, on every list that takes one, never 500', async () => {
      const lists = (await loadOperations(t)).filter(
        (op) => op.method === 'GET' && op.query.some((q) => q.name === 'cursor'),
      )
      const bad = [
        '!!not base64!!',
        encodeCursor(['not a date', 'x']),
        encodeCursor([1, 2]),
        encodeCursor({ seq: 1 }),
        encodeCursor(-3),
        encodeCursor(true),
        encodeCursor(['2026-01-01T00:00:00Z']),
        encodeCursor(['2026-01-01T00:00:00Z', { id: 1 }]),
        Buffer.from('1e400').toString('base64url'),
      ]
      const wrong: string[] = []
      for (const op of lists) {
        const who = isAdminOnly(op) ? officer : op.path.startsWith('/api/admin') ? admin : partner
        const url = fillPath(op, () => DEMO.case) + queryFor(op, { tier: 'public' })
        for (const cursor of bad) {
          const a = await who.get(`${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`)
          if (a.status !== 400) wrong.push(`${op.path} cursor=${cursor} -> ${a.status}`)
        }
      }
      expect(wrong).toEqual([])
      expect(lists.map((op) => op.path)).toEqual(expect.arrayContaining(['/api/cases', '/api/audit', '/api/users']))
      expect((await call(t.baseURL, 'GET', '/healthz')).status).toBe(200)
    })
  })
}
