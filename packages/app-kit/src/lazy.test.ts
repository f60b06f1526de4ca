import { describe, expect, it, vi } from 'vitest'
import { lazy } from './lazy'

describe('lazy', () => {
  it('loads once and shares the value', async () => {
    const load = vi.fn(async () => ({ value: 1 }))
    const get = lazy(load)
    const [a, b] = await Promise.all([get(), get()])
    expect(a).toBe(b)
    expect(await get()).toBe(a)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('retries a failed load with growing waits', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue('chunk')
    expect(await lazy(load, { delayMs: 1 })()).toBe('chunk')
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('forgets a final failure, so the next call starts again', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockRejectedValueOnce(new Error('still offline'))
      .mockResolvedValue('chunk')
    const get = lazy(load, { retries: 1, delayMs: 1 })
    await expect(get()).rejects.toThrow('still offline')
    expect(await get()).toBe('chunk')
    expect(load).toHaveBeenCalledTimes(3)
  })
})
