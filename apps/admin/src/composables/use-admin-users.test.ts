import { describe, expect, it, vi } from 'vitest'
import { ApiError, type ApiClient } from '@suite/api-client'
import type { AdminUser } from '@suite/domain'
import { useAdminUsers } from './use-admin-users'

const lee = { id: 'u-lee', name: '李嘉欣 Lee Ka-yan', active: true, totpEnrolled: false } as AdminUser

describe('useAdminUsers: issuing a set-up code', () => {
  it('asks through the step-up wrapper and keeps the code, with whom it is for, to show once', async () => {
    const issueEnrolmentCode = vi.fn(async () => ({ code: 'ABCD-EFGH-JKMN', expiresAt: '2026-03-03T02:00:00.000Z' }))
    const privileged = vi.fn((c: () => Promise<unknown>) => c())
    const u = useAdminUsers(
      { admin: { users: { issueEnrolmentCode } } } as unknown as Pick<ApiClient, 'admin'>,
      privileged as unknown as <T>(c: () => Promise<T>) => Promise<T>,
    )
    expect(await u.issueEnrolmentCode(lee)).toBe(true)
    expect(privileged).toHaveBeenCalledOnce()
    expect(issueEnrolmentCode).toHaveBeenCalledWith('u-lee')
    expect(u.issued.value).toEqual({
      name: '李嘉欣 Lee Ka-yan',
      code: 'ABCD-EFGH-JKMN',
      expiresAt: '2026-03-03T02:00:00.000Z',
    })
    expect(u.busyId.value).toBeNull()
  })

  it('shows a refusal (a compliance officer, say) as the action error, with no code', async () => {
    const refusal = new ApiError({ status: 403, code: 'forbidden', message: 'IT administrators only' })
    const u = useAdminUsers(
      {
        admin: {
          users: {
            issueEnrolmentCode: async () => {
              throw refusal
            },
          },
        },
      } as unknown as Pick<ApiClient, 'admin'>,
      (c) => c(),
    )
    expect(await u.issueEnrolmentCode(lee)).toBe(false)
    expect(u.actionError.value).toBe(refusal)
    expect(u.issued.value).toBeNull()
  })
})
