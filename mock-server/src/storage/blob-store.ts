import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { Queryable } from '../db/db'
import { sniffMime } from './sniff'

/** What a store says about one stored blob. */
export interface StoredBlob {
  sha256: string
  size: number
  mime: string
}

/**
 * Where uploaded files live. Names are SHA-256 of the content, so the same file is stored once
 * and a name proves its content. An S3-compatible store implements the same four methods.
 */
export interface BlobStore {
  /** Stream `input` in, refusing more than `maxBytes`; the type comes from the content, not a name. */
  put(input: Readable, maxBytes: number): Promise<StoredBlob>
  get(sha256: string): Promise<Readable | null>
  has(sha256: string): Promise<boolean>
  remove(sha256: string): Promise<void>
}

/** Thrown when an upload passes its size limit; nothing is kept. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`)
    this.name = 'BlobTooLargeError'
  }
}

const HEX = /^[0-9a-f]{64}$/

/** The local content-addressed store: `<dir>/ab/cd/abcd...`. Writes go to a temp file and are renamed into place. */
export function createLocalBlobStore(dir: string): BlobStore {
  const pathOf = (h: string) => join(dir, h.slice(0, 2), h.slice(2, 4), h)
  return {
    async put(input, maxBytes) {
      await mkdir(join(dir, 'tmp'), { recursive: true })
      const tmp = join(dir, 'tmp', randomBytes(12).toString('hex'))
      const hash = createHash('sha256')
      let size = 0
      let head = Buffer.alloc(0)
      const meter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length
          if (size > maxBytes) return cb(new BlobTooLargeError(maxBytes))
          if (head.length < 4100) head = Buffer.concat([head, chunk.subarray(0, 4100 - head.length)])
          hash.update(chunk)
          cb(null, chunk)
        },
      })
      try {
        await pipeline(input, meter, createWriteStream(tmp))
      } catch (e) {
        await rm(tmp, { force: true })
        throw e
      }
      const sha256 = hash.digest('hex')
      const final = pathOf(sha256)
      await mkdir(join(final, '..'), { recursive: true })
      await rename(tmp, final)
      return { sha256, size, mime: sniffMime(head) }
    },
    async get(sha256) {
      if (!HEX.test(sha256)) return null
      try {
        await stat(pathOf(sha256))
      } catch {
        return null
      }
      return createReadStream(pathOf(sha256))
    },
    async has(sha256) {
      if (!HEX.test(sha256)) return false
      try {
        await stat(pathOf(sha256))
        return true
      } catch {
        return false
      }
    },
    async remove(sha256) {
      if (HEX.test(sha256)) await rm(pathOf(sha256), { force: true })
    },
  }
}

/**
 * Remove blobs that an upload stored but nothing recorded (the upload was refused, or its
 * transaction failed), so a refused file does not stay on disk. A blob some accepted upload
 * recorded (the same content uploaded before) is kept.
 */
export async function discardUnrecorded(q: Queryable, store: BlobStore, blobs: readonly StoredBlob[]): Promise<void> {
  for (const b of blobs) {
    const known = await q.query('SELECT 1 FROM blobs WHERE sha256 = $1', [b.sha256])
    if (!known.rows.length) await store.remove(b.sha256)
  }
}

/** Run `work` on freshly stored blobs; when it fails, the blobs it did not record are removed. */
export async function keepOnlyIfRecorded<T>(
  q: Queryable,
  store: BlobStore,
  blobs: readonly StoredBlob[],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (e) {
    await discardUnrecorded(q, store, blobs)
    throw e
  }
}
