import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createIdbStore } from './idb-store'
import { createMemoryStore } from './memory-store'
import { createOutbox, isTransient, type OutboxTransport } from './outbox'

const draft = (n = 1) => ({ formVersion: 1, values: { identifier: `+852 9000 000${n}` }, summary: `+852 9000 000${n}` })
let seq = 0
const newKey = () => `key-${++seq}-abcdefgh`
const fail = (status: number, code: string) => Object.assign(new Error(code), { status, code, fields: [] })

describe('outbox', () => {
  it('stores the report before anything is sent', async () => {
    const store = createMemoryStore()
    const order: string[] = []
    const put = store.put.bind(store)
    store.put = async (i) => {
      order.push(`put:${i.state}`)
      await put(i)
    }
    const transport: OutboxTransport = {
      upload: vi.fn(),
      submit: async () => {
        order.push('submit')
        return { id: 'rep_1' }
      },
    }
    const box = createOutbox({ store, transport, newKey })
    await box.add(draft())
    await box.flush()
    expect(order).toEqual(['put:queued', 'submit', 'put:sent'])
    expect(box.items()[0]).toMatchObject({ state: 'sent', reportId: 'rep_1', attempts: 1 })
  })

  it('keeps a report queued with backoff while the network is down, and sends it when `online` fires', async () => {
    let clock = 1_000_000
    let up = false
    const timers: number[] = []
    const transport: OutboxTransport = {
      upload: vi.fn(),
      submit: vi.fn(async () => {
        if (!up) throw fail(0, 'network_error')
        return { id: 'rep_9' }
      }),
    }
    const win = new EventTarget()
    const box = createOutbox({
      store: createMemoryStore(),
      transport,
      newKey,
      now: () => clock,
      random: () => 0.5,
      baseDelayMs: 1000,
      setTimer: (_fn, ms) => {
        timers.push(ms)
        return () => undefined
      },
    })
    await box.start(win)
    const item = await box.add(draft())
    await box.flush()
    expect(box.items()[0]).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'network_error' } })
    expect(box.items()[0]!.nextAttemptAt).toBe(clock + 750)
    clock += 750
    await box.flush()
    expect(box.items()[0]!.nextAttemptAt).toBe(clock + 1500)
    expect(timers.at(-1)).toBe(1500)
    up = true
    win.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(box.items()[0]).toMatchObject({ state: 'sent', reportId: 'rep_9' }))
    expect(vi.mocked(transport.submit).mock.calls.map((c) => c[0])).toEqual([item.key, item.key, item.key])
    box.stop()
  })

  it('marks a report the server refuses as rejected with its field errors, and resends it corrected', async () => {
    const submit = vi
      .fn()
      .mockRejectedValueOnce(
        Object.assign(fail(400, 'validation_failed'), {
          fields: [{ path: 'values.identifier', code: 'required', message: 'Required' }],
        }),
      )
      .mockResolvedValueOnce({ id: 'rep_2' })
    const box = createOutbox({ store: createMemoryStore(), transport: { upload: vi.fn(), submit }, newKey })
    const item = await box.add(draft())
    await box.flush()
    expect(box.items()[0]).toMatchObject({
      state: 'rejected',
      lastError: { code: 'validation_failed', fields: [{ path: 'values.identifier' }] },
    })
    await box.resend(item.key, { identifier: '+852 9000 0009' })
    await box.flush()
    expect(box.items()[0]).toMatchObject({ state: 'sent', reportId: 'rep_2' })
    expect(submit.mock.calls[1]![1].values).toEqual({ identifier: '+852 9000 0009' })
  })

  it('uploads screenshots first, once each, and names them by their server id', async () => {
    const upload = vi
      .fn()
      .mockRejectedValueOnce(fail(503, 'upstream_unavailable'))
      .mockResolvedValue({ id: 'f'.repeat(64) })
    const submit = vi.fn().mockResolvedValue({ id: 'rep_3' })
    const box = createOutbox({ store: createMemoryStore(), transport: { upload, submit }, newKey, baseDelayMs: 0 })
    await box.add({
      ...draft(),
      values: { screenshots: [{ id: 'local-1', name: 'a.png', size: 3, mime: 'image/png' }] },
      files: [{ localId: 'local-1', name: 'a.png', mime: 'image/png', blob: new Blob(['abc']) }],
    })
    await box.flush()
    expect(upload).toHaveBeenCalledTimes(2)
    expect(submit.mock.calls[0]![1].values.screenshots[0].id).toBe('f'.repeat(64))
  })

  it('picks the queue up again after a reload, from IndexedDB', async () => {
    const store = createIdbStore('outbox-test', 'outbox')
    const down = createOutbox({
      store,
      transport: { upload: vi.fn(), submit: vi.fn().mockRejectedValue(fail(0, 'network_error')) },
      newKey,
      setTimer: () => () => undefined,
    })
    const item = await down.add(draft(5))
    await down.flush()
    down.stop()
    const submit = vi.fn().mockResolvedValue({ id: 'rep_5' })
    const reloaded = createOutbox({
      store,
      transport: { upload: vi.fn(), submit },
      newKey,
      now: () => Date.now() + 3_600_000,
    })
    await reloaded.start()
    expect(submit).toHaveBeenCalledWith(item.key, expect.objectContaining({ values: { identifier: '+852 9000 0005' } }))
    expect((await store.list())[0]).toMatchObject({ key: item.key, state: 'sent', reportId: 'rep_5' })
  })

  it('tells passing trouble from a refusal', () => {
    expect(
      [
        fail(0, 'network_error'),
        fail(0, 'timeout'),
        fail(429, 'rate_limited'),
        fail(503, 'x'),
        fail(401, 'session_expired'),
      ].every(isTransient),
    ).toBe(true)
    expect([fail(400, 'validation_failed'), fail(403, 'forbidden'), fail(409, 'conflict')].some(isTransient)).toBe(
      false,
    )
  })
})
