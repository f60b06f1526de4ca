import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createDingTalk } from './dingtalk'
import type { Fallback } from './fallback'

/** An adapter that believes it runs in a plain browser. */
const inBrowser = (fallback: Partial<Fallback> = {}) => createDingTalk({ env: 'browser', fallback })

/** Let Element Plus render and animate. */
const settle = async () => {
  await nextTick()
  await new Promise((resolve) => setTimeout(resolve, 50))
}

/** The Element Plus dialogs are imported on first use: wait until `selector` is on the page. */
const shown = (selector: string) =>
  vi.waitFor(
    () => {
      if (!document.querySelector(selector)) throw new Error(`${selector} not shown yet`)
    },
    { timeout: 4000 },
  )

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('createDingTalk in a browser', () => {
  it('is not in DingTalk', () => {
    expect(inBrowser().inDingTalk).toBe(false)
    expect(createDingTalk().env).toBe('browser')
  })

  it('rejects requestAuthCode with not_in_dingtalk', async () => {
    await expect(inBrowser().requestAuthCode('ding1')).rejects.toMatchObject({
      name: 'DingTalkError',
      code: 'not_in_dingtalk',
      api: 'requestAuthCode',
    })
  })

  it('sets document.title', async () => {
    await inBrowser().setTitle('Case room')
    expect(document.title).toBe('Case room')
  })

  it('opens links in a new tab without an opener', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    await inBrowser().openLink('https://example.com/doc')
    expect(open).toHaveBeenCalledWith('https://example.com/doc', '_blank', 'noopener')
  })

  it('resolves confirm false on cancel through an injected fallback', async () => {
    const confirm = vi.fn(async () => false)
    await expect(inBrowser({ confirm }).confirm({ message: 'Leave?' })).resolves.toBe(false)
    expect(confirm).toHaveBeenCalledWith({ message: 'Leave?' })
  })

  it('resolves the default Element Plus confirm false when Cancel is clicked', async () => {
    const answer = inBrowser().confirm({
      title: 'Delete',
      message: 'Delete the file?',
      confirmText: 'Delete',
      cancelText: 'Keep',
    })
    await shown('.el-message-box button')
    await settle()
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')]
    expect(document.body.textContent).toContain('Delete the file?')
    buttons.find((button) => button.textContent?.trim() === 'Keep')?.click()
    await expect(answer).resolves.toBe(false)
  })

  it('resolves the default Element Plus confirm true when the confirm button is clicked', async () => {
    const answer = inBrowser().confirm({ message: 'Go on?', confirmText: 'Yes' })
    await shown('.el-message-box button')
    await settle()
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')]
    buttons.find((button) => button.textContent?.trim() === 'Yes')?.click()
    await expect(answer).resolves.toBe(true)
  })

  it('shows the toast as an Element Plus message', async () => {
    await inBrowser().toast({ text: 'Saved', type: 'success' })
    await settle()
    expect(document.querySelector('.el-message--success')?.textContent).toContain('Saved')
  })

  it('mounts an image viewer for previewImage and removes it on close', async () => {
    await inBrowser().previewImage({ urls: ['https://a/1.png', 'https://a/2.png'], current: 'https://a/2.png' })
    await settle()
    const viewer = document.querySelector('.el-image-viewer__wrapper')
    expect(viewer).not.toBeNull()
    expect(document.querySelector<HTMLImageElement>('.el-image-viewer__img')?.getAttribute('src')).toBe(
      'https://a/2.png',
    )
    document.querySelector<HTMLElement>('.el-image-viewer__close')?.click()
    await settle()
    expect(document.querySelector('.el-image-viewer__wrapper')).toBeNull()
  })

  it('rejects complexPicker with unsupported when the app gave no pickUsers', async () => {
    await expect(inBrowser().complexPicker({ corpId: 'ding1' })).rejects.toMatchObject({
      code: 'unsupported',
      api: 'complexPicker',
    })
  })

  it('uses the app-supplied pickUsers', async () => {
    const pickUsers = vi.fn(async () => [{ userId: 'u1', name: 'Chan Tai Man' }])
    const options = { corpId: 'ding1', multiple: false }
    await expect(inBrowser({ pickUsers }).complexPicker(options)).resolves.toEqual([
      { userId: 'u1', name: 'Chan Tai Man' },
    ])
    expect(pickUsers).toHaveBeenCalledWith(options)
  })

  it('turns a throwing fallback into a failed DingTalkError', async () => {
    const toast = () => {
      throw new Error('no DOM')
    }
    await expect(inBrowser({ toast }).toast({ text: 'x' })).rejects.toMatchObject({
      name: 'DingTalkError',
      code: 'failed',
      api: 'toast',
      message: 'no DOM',
    })
  })

  it('keeps the default for a fallback member passed as undefined', async () => {
    await inBrowser({ setTitle: undefined }).setTitle('Still works')
    expect(document.title).toBe('Still works')
  })
})
