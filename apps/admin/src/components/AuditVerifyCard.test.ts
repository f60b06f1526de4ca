import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it } from 'vitest'
import { reactive, shallowRef } from 'vue'
import type { AuditVerification } from '@suite/domain'
import AuditVerifyCard from './AuditVerifyCard.vue'
import type { useAuditLog } from '../composables/use-audit-log'

function fakeLog(v: AuditVerification) {
  return {
    verification: shallowRef(v),
    verifying: shallowRef(false),
    verifyError: shallowRef(null),
    verify: async () => undefined,
    filters: reactive({}),
  } as unknown as ReturnType<typeof useAuditLog>
}

describe('AuditVerifyCard', () => {
  it.each([
    ['zh-HK', '紀錄在第 5 項被竄改。', '內容與雜湊值不符'],
    ['zh-CN', '日志在第 5 条被篡改。', '内容与哈希值不符'],
    ['en', 'The log was tampered with at entry #5.', 'no longer matches its hash'],
  ] as const)('names the first bad entry plainly in %s', async (locale, title, reason) => {
    const log = fakeLog({
      ok: false,
      checked: 4,
      firstBadSeq: 5,
      reason: 'hash_mismatch',
      headHash: null,
      fromCheckpoint: null,
    })
    const { wrapper: w } = await mountWithSuite(AuditVerifyCard, { props: { log }, locale })
    expect(w.text()).toContain(title)
    expect(w.text()).toContain(reason)
  })

  it('says the log is intact and from where it was checked', async () => {
    const log = fakeLog({
      ok: true,
      checked: 120,
      firstBadSeq: null,
      reason: null,
      headHash: 'a'.repeat(64),
      fromCheckpoint: 80,
    })
    const { wrapper: w } = await mountWithSuite(AuditVerifyCard, { props: { log }, locale: 'en' })
    expect(w.text()).toContain('The log is intact: 120 entries checked.')
    expect(w.text()).toContain('after entry #80')
  })
})
