import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Role, Tier } from '@suite/domain'
import type { TestApp } from './index'

/** A PDF of `pages` pages with a line of text on each (pdf-lib, standard font). */
export async function makePdf(pages = 1, label = 'Draft'): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842])
    page.drawText(`${label} - page ${i} of ${pages}`, { x: 60, y: 760, size: 20, font })
    for (let l = 0; l < 30; l++)
      page.drawText(`Clause ${l + 1}. The parties agree as follows, without prejudice.`, {
        x: 60,
        y: 720 - l * 20,
        size: 11,
        font,
      })
  }
  return Buffer.from(await doc.save())
}

/** A small PNG (solid colour, so a watermark shows up as changed pixels). */
export function makePng(width = 120, height = 80, colour = '#e8f0ff'): Buffer {
  const c = createCanvas(width, height)
  const ctx = c.getContext('2d')
  ctx.fillStyle = colour
  ctx.fillRect(0, 0, width, height)
  return c.toBuffer('image/png')
}

/** A zip that sniffs as .docx (Word's `word/` entry near the start). */
export function makeDocx(): Buffer {
  return Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.from('\x14\x00\x00\x00word/document.xml'),
    randomBytes(64),
  ])
}

/** A multipart/form-data body with one file part, for `app.inject`. */
export function multipart(filename: string, content: Buffer, mime = 'application/octet-stream') {
  const boundary = `----suite${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** Insert a user straight into the database (fixtures for the permission matrix). */
export async function insertUser(t: TestApp, id: string, role: Role, name = id): Promise<void> {
  await t.db.query(
    `INSERT INTO users (id, org_id, name, role) VALUES ($1, 'org-demo', $2, $3) ON CONFLICT (id) DO NOTHING`,
    [id, name, role],
  )
}

/** Insert or replace a membership. */
export async function insertMember(
  t: TestApp,
  caseId: string,
  userId: string,
  m: { status?: string; tierCeiling?: Tier; expiresAt?: Date | null; wallReason?: string | null } = {},
): Promise<void> {
  await t.db.query(
    `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, expires_at, wall_reason) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, user_id) DO UPDATE SET status = EXCLUDED.status, tier_ceiling = EXCLUDED.tier_ceiling, expires_at = EXCLUDED.expires_at, wall_reason = EXCLUDED.wall_reason`,
    [caseId, userId, m.status ?? 'active', m.tierCeiling ?? 'private', m.expiresAt ?? null, m.wallReason ?? null],
  )
}

/** Insert a case with no members. */
export async function insertCase(t: TestApp, id: string, number: string, restrictedToInternal = false): Promise<void> {
  await t.db.query(
    `INSERT INTO cases (id, org_id, number, title, client_name, status, restricted_to_internal) VALUES ($1, 'org-demo', $2, $3, 'Fixture client', 'open', $4)`,
    [id, number, `Fixture ${number}`, restrictedToInternal],
  )
}

/** Store `bytes` in the blob store and insert a document of `tier` pointing at it; returns its id. */
export async function insertDocument(
  t: TestApp,
  caseId: string,
  tier: Tier,
  bytes: Buffer,
  o: { id?: string; render?: 'pdf' | 'image' | 'none'; pages?: number; uploadedBy?: string; title?: string } = {},
): Promise<string> {
  const stored = await t.deps.blobs.put(Readable.from([bytes]), bytes.length + 1)
  const id = o.id ?? `doc-fx-${randomBytes(6).toString('hex')}`
  const render =
    o.render ?? (stored.mime === 'application/pdf' ? 'pdf' : stored.mime.startsWith('image/') ? 'image' : 'none')
  await t.db.query('INSERT INTO blobs (sha256, size, mime) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [
    stored.sha256,
    stored.size,
    stored.mime,
  ])
  await t.db.query(
    `INSERT INTO case_documents (id, case_id, tier, title, filename, mime, size, sha256, render_kind, render_sha256, page_count, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      caseId,
      tier,
      o.title ?? `Fixture ${tier}`,
      `${id}.bin`,
      stored.mime,
      stored.size,
      stored.sha256,
      render,
      render === 'none' ? null : stored.sha256,
      render === 'none' ? null : (o.pages ?? 1),
      o.uploadedBy ?? 'u-chan',
    ],
  )
  return id
}
