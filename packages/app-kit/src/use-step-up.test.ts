import { ApiError } from '@suite/api-client'
import { describe, expect, it, vi } from 'vitest'
import { isStepUpRequired, useStepUp } from './use-step-up'

const refusal = () => new ApiError({ status: 403, code: 'step_up_required', message: 'Confirm it is you' })

/** A privileged call the server refuses `times` times before it goes through. */
function refusedFirst(times = 1) {
  let calls = 0
  return vi.fn(async () => {
    calls++
    if (calls <= times) throw refusal()
    return 'done'
  })
}

describe('useStepUp', () => {
  it('asks nothing when the call goes through', async () => {
    const confirm = vi.fn(async () => true)
    const { withStepUp } = useStepUp(confirm)
    await expect(withStepUp(async () => 42)).resolves.toEqual({ done: true, value: 42 })
    expect(confirm).not.toHaveBeenCalled()
  })

  it('on step_up_required asks the person to confirm, then sends the call once more', async () => {
    const call = refusedFirst()
    const confirm = vi.fn(async () => true)
    const { withStepUp, privileged } = useStepUp(confirm)
    await expect(withStepUp(call)).resolves.toEqual({ done: true, value: 'done' })
    expect(call).toHaveBeenCalledTimes(2)
    expect(confirm).toHaveBeenCalledTimes(1)
    await expect(privileged(refusedFirst())).resolves.toBe('done')
  })

  it('when the person gives up: withStepUp says not done, privileged rethrows the refusal', async () => {
    const { withStepUp, privileged } = useStepUp(async () => false)
    const call = refusedFirst()
    await expect(withStepUp(call)).resolves.toEqual({ done: false })
    expect(call).toHaveBeenCalledTimes(1)
    await expect(privileged(refusedFirst())).rejects.toMatchObject({ code: 'step_up_required' })
  })

  it('passes other failures straight through, and retries only once', async () => {
    const confirm = vi.fn(async () => true)
    const { withStepUp, privileged } = useStepUp(confirm)
    const other = new ApiError({ status: 409, code: 'conflict', message: 'x' })
    await expect(
      withStepUp(async () => {
        throw other
      }),
    ).rejects.toBe(other)
    await expect(
      privileged(async () => {
        throw other
      }),
    ).rejects.toBe(other)
    expect(confirm).not.toHaveBeenCalled()
    const twice = refusedFirst(2)
    await expect(withStepUp(twice)).rejects.toMatchObject({ code: 'step_up_required' })
    expect(twice).toHaveBeenCalledTimes(2)
  })

  it('recognises only the step-up refusal', () => {
    expect(isStepUpRequired(refusal())).toBe(true)
    expect(isStepUpRequired(new ApiError({ status: 403, code: 'forbidden', message: 'no' }))).toBe(false)
    expect(isStepUpRequired({ code: 'step_up_required' })).toBe(false)
  })
})
