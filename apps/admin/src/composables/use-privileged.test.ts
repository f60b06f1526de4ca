import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@suite/api-client'
import { useStepUpStore } from '../stores/step-up'
import { usePrivileged } from './use-privileged'

const refusal = () => new ApiError({ status: 403, code: 'step_up_required', message: 'Confirm it is you' })

describe('usePrivileged', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('opens the step-up dialog on step_up_required and sends the call again once confirmed', async () => {
    const store = useStepUpStore()
    let calls = 0
    const run = usePrivileged()(async () => {
      calls++
      if (calls === 1) throw refusal()
      return 'done'
    })
    await Promise.resolve()
    expect(store.open).toBe(true)
    store.settle(true)
    await expect(run).resolves.toBe('done')
    expect(calls).toBe(2)
    expect(store.open).toBe(false)
  })

  it('rethrows the refusal when the person gives up, and passes other errors straight through', async () => {
    const store = useStepUpStore()
    const run = usePrivileged()(async () => {
      throw refusal()
    })
    await Promise.resolve()
    store.settle(false)
    await expect(run).rejects.toMatchObject({ code: 'step_up_required' })
    const other = new ApiError({ status: 409, code: 'conflict', message: 'x' })
    await expect(
      usePrivileged()(async () => {
        throw other
      }),
    ).rejects.toBe(other)
    expect(store.open).toBe(false)
  })
})
