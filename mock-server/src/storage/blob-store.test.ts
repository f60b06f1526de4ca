import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BlobTooLargeError, createLocalBlobStore } from './blob-store'
import { sniffMime } from './sniff'

const chunks = (buf: Buffer, size = 1024) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size)
    })(),
  )

describe('local content-addressed store', () => {
  it('names a file by its SHA-256, stores it once, and streams it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'blobs-'))
    const store = createLocalBlobStore(dir)
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(50_000, 7)])
    const a = await store.put(chunks(body), 1_000_000)
    const b = await store.put(chunks(body), 1_000_000)
    expect(a).toEqual({
      sha256: createHash('sha256').update(body).digest('hex'),
      size: body.length,
      mime: 'application/pdf',
    })
    expect(b.sha256).toBe(a.sha256)
    const back: Buffer[] = []
    for await (const c of (await store.get(a.sha256))!) back.push(c as Buffer)
    expect(Buffer.concat(back).equals(body)).toBe(true)
    expect(await store.get('../../etc/passwd')).toBeNull()
  })

  it('refuses a stream over the limit and keeps nothing of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'blobs-'))
    const store = createLocalBlobStore(dir)
    await expect(store.put(chunks(Buffer.alloc(10_000)), 5_000)).rejects.toBeInstanceOf(BlobTooLargeError)
    expect(await readdir(join(dir, 'tmp'))).toEqual([])
  })
})

describe('type by content, not by name', () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.4 ...'), 'application/pdf'],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [
      'docx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml')]),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['utf-8 text', Buffer.from('香港身份證 A123456(3)'), 'text/plain'],
    ['binary', Buffer.from([0, 1, 2, 3, 0xfe]), 'application/octet-stream'],
    ['exe posing as pdf', Buffer.from('MZ\x90\x00\x03'), 'application/octet-stream'],
  ])('%s', (_name, head, mime) => {
    expect(sniffMime(head)).toBe(mime)
  })
})
