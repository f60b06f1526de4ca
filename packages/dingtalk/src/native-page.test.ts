import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDingTalk } from './dingtalk'
import type { DingTalkEnv } from './environment'
import type { LoadApi, NativeApis } from './sdk-loader'

/** An adapter on `env` over fake native APIs; an API not given rejects like a missing chunk would. */
function on(env: DingTalkEnv, apis: Partial<NativeApis>, timeoutMs = 8000) {
  const loadApi: LoadApi = async (name) => {
    const api = apis[name]
    if (!api) throw new Error(`no fake for ${name}`)
    return api as NativeApis[typeof name]
  }
  return createDingTalk({ env, loadApi, timeoutMs })
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('the navigation bar button (setRight)', () => {
  it('on a phone shows the page action and calls it on each tap; null hides it', async () => {
    let tap: (() => void) | undefined
    const setRight = vi.fn(async (p: { onSuccess?: () => void }) => {
      tap = p.onSuccess
      return {}
    })
    const dingtalk = on('android', { setRight })
    expect(dingtalk.mobile).toBe(true)
    const onClick = vi.fn()
    await dingtalk.setRight({ text: '新增', onClick })
    expect(setRight).toHaveBeenCalledWith(expect.objectContaining({ show: true, control: true, text: '新增' }))
    tap?.()
    tap?.()
    expect(onClick).toHaveBeenCalledTimes(2)
    await dingtalk.setRight(null)
    expect(setRight).toHaveBeenLastCalledWith({ show: false, control: false, text: '' })
  })

  it('counts a registration Android answers only with the first tap as done', async () => {
    const dingtalk = on('android', { setRight: () => new Promise(() => undefined) }, 20)
    await expect(dingtalk.setRight({ text: '新增', onClick: () => undefined })).resolves.toBeUndefined()
  })

  it('is refused as unsupported on PC and in a browser, without calling the bridge', async () => {
    const setRight = vi.fn(async () => ({}))
    const pc = on('pc', { setRight })
    expect(pc.mobile).toBe(false)
    await expect(pc.setRight({ text: 'x', onClick: () => undefined })).rejects.toMatchObject({ code: 'unsupported' })
    expect(setRight).not.toHaveBeenCalled()
    await expect(
      createDingTalk({ env: 'browser' }).setRight({ text: 'x', onClick: () => undefined }),
    ).rejects.toMatchObject({ code: 'unsupported' })
  })
})

describe('pull-to-refresh', () => {
  it('on a phone calls back on each pull, and stop / disable reach the bridge', async () => {
    let pull: (() => void) | undefined
    const pullToRefreshEnable = vi.fn(async (p: { onSuccess?: () => void }) => {
      pull = p.onSuccess
      return {}
    })
    const pullToRefreshStop = vi.fn(async () => ({}))
    const pullToRefreshDisable = vi.fn(async () => ({}))
    const dingtalk = on('ios', { pullToRefreshEnable, pullToRefreshStop, pullToRefreshDisable })
    const onRefresh = vi.fn()
    await dingtalk.enablePullToRefresh(onRefresh)
    pull?.()
    expect(onRefresh).toHaveBeenCalledOnce()
    await dingtalk.stopPullToRefresh()
    await dingtalk.disablePullToRefresh()
    expect(pullToRefreshStop).toHaveBeenCalledOnce()
    expect(pullToRefreshDisable).toHaveBeenCalledOnce()
  })

  it('is unsupported on PC; stop and disable do nothing there', async () => {
    const pc = on('pc', {})
    await expect(pc.enablePullToRefresh(() => undefined)).rejects.toMatchObject({ code: 'unsupported' })
    await expect(pc.stopPullToRefresh()).resolves.toBeUndefined()
    await expect(pc.disablePullToRefresh()).resolves.toBeUndefined()
  })
})

describe('share', () => {
  const invitation = {
    title: '案件室邀請',
    content: '陳大文邀請你加入案件',
    url: 'https://suite.example/apps/case-room/#/i/abc',
  }

  it('inside DingTalk (phone or PC) opens the share sheet with biz.util.share', async () => {
    const share = vi.fn(async () => ({}))
    await expect(on('pc', { share }).share(invitation)).resolves.toBe('shared')
    expect(share).toHaveBeenCalledWith({ type: 0, image: '', ...invitation })
  })

  it('in a browser uses the Web Share API when there is one', async () => {
    const webShare = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, share: webShare, canShare: () => true })
    await expect(createDingTalk({ env: 'browser' }).share(invitation)).resolves.toBe('shared')
    expect(webShare).toHaveBeenCalledWith({ title: invitation.title, text: invitation.content, url: invitation.url })
  })

  it('in a browser without one copies the link; a closed sheet is cancelled', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { userAgent: 'x', clipboard: { writeText } })
    await expect(createDingTalk({ env: 'browser' }).share(invitation)).resolves.toBe('copied')
    expect(writeText).toHaveBeenCalledWith(invitation.url)
    const closed = Object.assign(new Error('closed'), { name: 'AbortError' })
    vi.stubGlobal('navigator', { share: () => Promise.reject(closed), clipboard: { writeText } })
    await expect(createDingTalk({ env: 'browser' }).share(invitation)).rejects.toMatchObject({ code: 'cancelled' })
  })
})
