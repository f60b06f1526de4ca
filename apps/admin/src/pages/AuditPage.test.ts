import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import type { AuditListEntry } from '@suite/domain'
import { demoUser, makeAuditEntry, makeUser } from '@suite/domain/testing'
import { describe, expect, it, vi } from 'vitest'
import AuditPage from './AuditPage.vue'

const entry = (seq: number, e: Partial<AuditListEntry>): AuditListEntry => ({
  ...makeAuditEntry(seq),
  caseNumber: null,
  caseTitle: null,
  actorDepartment: null,
  ...e,
})

function api(items: AuditListEntry[]) {
  const list = vi.fn(async () => ({ items, nextCursor: null }))
  const users = vi.fn(async () => ({
    items: [{ ...makeUser(demoUser('u-lee')), totpEnrolled: false, openSessions: 0 }],
    nextCursor: null,
  }))
  return {
    list,
    users,
    api: fakeApi({
      audit: { list, verify: vi.fn(), exportUrl: () => '#' },
      admin: {
        users: { list: users },
        audit: { retention: vi.fn(() => new Promise(() => {})), checkpoints: vi.fn(() => new Promise(() => {})) },
      },
    }),
  }
}

describe('AuditPage', () => {
  it('says what happened in words, who did it with their department, and which case by number and title', async () => {
    const a = api([
      entry(2, {
        action: 'support.triage.set_status',
        actorId: 'u-lee',
        actorName: '李嘉欣 Lee Ka-yan',
        actorDepartment: 'Litigation',
        targetType: 'support_report',
        targetId: 'rep-123',
      }),
      entry(1, {
        action: 'document.download',
        caseId: 'case-hca-1234',
        caseNumber: 'HCA 1234/2026',
        caseTitle: '謝家輝 訴 東方貿易',
      }),
    ])
    const { wrapper } = await mountWithSuite(AuditPage, { api: a.api })
    const text = wrapper.find('.audit-page__list').text()
    expect(text).toContain('更改舉報狀態')
    expect(text).toContain('李嘉欣 Lee Ka-yan · Litigation')
    expect(text).toContain('可疑聯絡舉報')
    expect(text).toContain('案件 HCA 1234/2026 · 謝家輝 訴 東方貿易')
    expect(text).toContain('下載文件')
    for (const code of [
      'support.triage',
      'set_status',
      'document.download',
      'case-hca-1234',
      'rep-123',
      'support_report',
    ])
      expect(text).not.toContain(code)
    expect(wrapper.text()).toContain('香港時間')
  }, 20_000)

  it('searches by what was typed (case number or name) on the server, and offers people by name and department', async () => {
    const a = api([])
    const { wrapper } = await mountWithSuite(AuditPage, { api: a.api })
    await wrapper.find('#audit-q').setValue('HCA 1234/2026')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() =>
      expect(a.list).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'HCA 1234/2026' }), expect.anything()),
    )
    expect(a.users).toHaveBeenCalled()
    expect(document.body.textContent).toContain('李嘉欣 Lee Ka-yan · Litigation')
    expect(wrapper.html()).not.toContain('u-lee')
  }, 20_000)
})
