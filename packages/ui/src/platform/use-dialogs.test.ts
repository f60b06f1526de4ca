import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { fakeDingTalk } from '../testing/fake-dingtalk'
import { mountWithI18n } from '../testing/mount-with-i18n'
import { SUITE_DINGTALK } from './platform'
import { useDialogs } from './use-dialogs'

function dialogsIn(env: 'ios' | 'browser', locale: 'zh-HK' | 'en' = 'zh-HK') {
  const fake = fakeDingTalk(env)
  let dialogs!: ReturnType<typeof useDialogs>
  const Probe = defineComponent({
    setup() {
      dialogs = useDialogs()
      return () => null
    },
  })
  mountWithI18n(Probe, { provide: { [SUITE_DINGTALK]: fake.dingtalk }, locale })
  return { dialogs, ...fake }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useDialogs', () => {
  it("inside DingTalk confirms with DingTalk's own dialog, its buttons in the page's language", async () => {
    const { dialogs, calls } = dialogsIn('ios')
    await expect(dialogs.confirm({ title: '移除成員', message: '確定移除？' })).resolves.toBe(true)
    expect(calls).toContainEqual({
      api: 'confirm',
      params: { title: '移除成員', message: '確定移除？', buttonLabels: ['確定', '取消'] },
    })
    await dialogs.toast({ text: '已移除', type: 'success' })
    expect(calls).toContainEqual({ api: 'toast', params: { text: '已移除', icon: 'success' } })
  })

  it("inside DingTalk shares with DingTalk's share sheet", async () => {
    const { dialogs, calls } = dialogsIn('ios')
    await expect(dialogs.share({ title: '邀請', content: '加入案件', url: 'https://x.example/i' })).resolves.toBe(
      'shared',
    )
    expect(calls).toContainEqual({
      api: 'share',
      params: { type: 0, title: '邀請', content: '加入案件', url: 'https://x.example/i', image: '' },
    })
  })

  it('in a browser without a share sheet copies the link and says so', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { userAgent: 'x', clipboard: { writeText } })
    const { dialogs } = dialogsIn('browser', 'en')
    await expect(dialogs.share({ title: 'Invite', url: 'https://x.example/i' })).resolves.toBe('copied')
    expect(writeText).toHaveBeenCalledWith('https://x.example/i')
    await vi.waitFor(() => expect(document.body.textContent).toContain('Link copied.'), { timeout: 4000 })
  })
})
