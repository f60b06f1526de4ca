import { Readable } from 'node:stream'
import type { FastifyRequest } from 'fastify'
import {
  CASE_ACTIONS,
  decide,
  type CaseAction,
  type DocumentDetail,
  type DocumentSummary,
  type RenderKind,
  type Tier,
} from '@suite/domain'
import type { Deps } from '../deps'
import type { Queryable } from '../db/db'
import { HttpError, notFound } from '../http/errors'
import { BlobTooLargeError, keepOnlyIfRecorded, type StoredBlob } from '../storage/blob-store'
import { enforce, openCase, type CaseAccess } from './guard'
import { OFFICE_TYPES, convertToPdf } from './office'
import { RenderError, type PageRenderer } from './render'
import { documentsRepo, type DocumentRow } from './documents-repo'

/** Map a row to the listed shape. */
export function toDocumentSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id as DocumentSummary['id'],
    caseId: r.case_id as DocumentSummary['caseId'],
    tier: r.tier,
    title: r.title,
    filename: r.filename,
    mime: r.mime,
    size: r.size,
    version: r.version,
    render: r.render_kind,
    pageCount: r.page_count,
    uploadedBy: r.uploaded_by,
    uploadedByName: r.uploaded_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }
}

/** Why a document may only stay in the private tier, or null when it can be shared. */
export function internalOnlyReason(render: RenderKind): string | null {
  return render === 'none'
    ? 'This file type cannot be shown page by page without handing out the file, and this server has no converter (LibreOffice) for it. It stays internal; upload a PDF to share it.'
    : null
}

/** The full shape: actions the caller may take on it, its tier history. */
export async function toDocumentDetail(q: Queryable, r: DocumentRow, a: CaseAccess): Promise<DocumentDetail> {
  const rows = await documentsRepo.moves(q, r.id)
  return {
    ...toDocumentSummary(r),
    description: r.description,
    actions: CASE_ACTIONS.filter((x) => decide(a.subject, r.tier, x) === 'allow'),
    internalOnlyReason: internalOnlyReason(r.render_kind),
    // Who moved what and why is internal knowledge.
    moves: a.internal
      ? rows.map((m) => ({
          from: m.from_tier,
          to: m.to_tier,
          reason: m.reason,
          byName: m.name,
          at: new Date(m.moved_at).toISOString(),
        }))
      : [],
  }
}

/**
 * The caller's access to one document for `action`: 404 when the case or the document is
 * unknown to them (a tier above their ceiling included), 403 when they see it but may not act.
 */
export async function openDocument(
  q: Queryable,
  req: FastifyRequest,
  caseId: string,
  docId: string,
  now: Date,
  action: CaseAction,
) {
  const access = await openCase(q, req, caseId, now)
  const doc = await documentsRepo.find(q, access.caseRow.id, docId)
  if (!doc) throw notFound('Document not found')
  enforce(decide(access.subject, doc.tier, action), 'Document not found')
  return { access, doc }
}

/** Read a whole blob into memory (rendering needs the bytes). */
export async function readBlob(deps: Deps, sha256: string): Promise<Buffer> {
  const stream = await deps.blobs.get(sha256)
  if (!stream) throw new Error(`blob ${sha256} missing`)
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** What an uploaded file became: its stored blob, and how the viewer will draw it. */
export interface ProcessedUpload {
  stored: StoredBlob
  /** Blobs to record: the original, and the converted PDF when there is one. */
  blobs: StoredBlob[]
  render: RenderKind
  renderSha256: string | null
  pageCount: number | null
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])

/**
 * Store an upload stream (size-limited, typed by its content) and work out how it is viewed:
 * PDFs and images are rasterised directly, office files are converted to PDF when LibreOffice
 * is installed, anything else of an accepted type is kept as an internal-only file.
 */
export async function processUpload(
  deps: Deps,
  renderer: PageRenderer,
  converter: string | null,
  file: Readable & { truncated?: boolean },
  tier: Tier,
): Promise<ProcessedUpload> {
  let stored: StoredBlob
  try {
    stored = await deps.blobs.put(file, deps.env.UPLOAD_LIMIT_BYTES)
  } catch (e) {
    if (e instanceof BlobTooLargeError || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpError(
        'payload_too_large',
        `The file is larger than ${Math.floor(deps.env.UPLOAD_LIMIT_BYTES / 1048576)} MB`,
      )
    }
    throw e
  }
  const blobs = [stored]
  // Whatever refuses the file below, nothing of it stays on disk unless it was there before.
  return keepOnlyIfRecorded(deps.db, deps.blobs, blobs, async () => {
    if (file.truncated)
      throw new HttpError(
        'payload_too_large',
        `The file is larger than ${Math.floor(deps.env.UPLOAD_LIMIT_BYTES / 1048576)} MB`,
      )
    if (stored.size === 0)
      throw new HttpError('validation_failed', 'The file is empty', [
        { path: 'file', code: 'empty', message: 'Empty file' },
      ])
    let render: RenderKind = 'none'
    let renderSha256: string | null = null
    if (stored.mime === 'application/pdf') {
      render = 'pdf'
      renderSha256 = stored.sha256
    } else if (IMAGE_TYPES.has(stored.mime)) {
      render = 'image'
      renderSha256 = stored.sha256
    } else if (OFFICE_TYPES[stored.mime]) {
      if (converter) {
        const pdf = await convertToPdf(converter, await readBlob(deps, stored.sha256), OFFICE_TYPES[stored.mime]!)
        const converted = await deps.blobs.put(Readable.from([pdf]), Number.MAX_SAFE_INTEGER)
        render = 'pdf'
        renderSha256 = converted.sha256
        blobs.push(converted)
      }
    } else if (stored.mime !== 'text/plain') {
      throw new HttpError(
        'unsupported_media_type',
        'Only PDF, images (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint and plain text files are accepted',
      )
    }
    if (render === 'none' && tier !== 'private') {
      throw new HttpError(
        'unsupported_media_type',
        `${internalOnlyReason('none')} Upload it to the private area instead.`,
      )
    }
    let pageCount: number | null = null
    if (renderSha256 && render !== 'none') {
      try {
        pageCount = await renderer.pageCount(renderSha256, render, () => readBlob(deps, renderSha256!))
      } catch (e) {
        if (e instanceof RenderError)
          throw new HttpError('unsupported_media_type', 'The file looks damaged and cannot be opened')
        throw e
      }
    }
    return { stored, blobs, render, renderSha256, pageCount }
  })
}

/** A safe display file name: no path, no control characters, at most 200 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(-200)
  return clean || 'file'
}
