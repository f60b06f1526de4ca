import { describe, expect, it, vi } from 'vitest'
import { createDingTalk } from './dingtalk'
import { DingTalkError } from './errors'
import type { LoadApi, NativeApis } from './sdk-loader'

/** A loader serving fake native APIs; an API not given rejects like a missing chunk would. */
function fakeLoader(apis: Partial<NativeApis>): LoadApi {
  return async (name) => {
    const api = apis[name]
    if (!api) throw new Error(`no fake for ${name}`)
    return api as NativeApis[typeof name]
  }
}

/** An adapter that believes it runs on iOS, over the given fakes. */
function onIos(apis: Partial<NativeApis>, options: { timeoutMs?: number; interactiveTimeoutMs?: number } = {}) {
  return createDingTalk({ env: 'ios', loadApi: fakeLoader(apis), ...options })
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined)

describe('createDingTalk inside DingTalk', () => {
  it('reports the env it was given', () => {
    const dingtalk = onIos({})
    expect(dingtalk.env).toBe('ios')
    expect(dingtalk.inDingTalk).toBe(true)
  })

  it('returns the auth code for the corp', async () => {
    const requestAuthCode = vi.fn(async () => ({ code: 'c0de' }))
    await expect(onIos({ requestAuthCode }).requestAuthCode('ding1')).resolves.toBe('c0de')
    expect(requestAuthCode).toHaveBeenCalledWith({ corpId: 'ding1' })
  })

  it('rejects with a timeout when the API never answers', async () => {
    vi.useFakeTimers()
    try {
      const pending = onIos({ requestAuthCode: never }, { timeoutMs: 8000 }).requestAuthCode('ding1')
      const settled = expect(pending).rejects.toMatchObject({
        code: 'timeout',
        api: 'requestAuthCode',
        nativeCode: undefined,
      })
      await vi.advanceTimersByTimeAsync(8000)
      await settled
      await expect(pending).rejects.toBeInstanceOf(DingTalkError)
    } finally {
      vi.useRealTimers()
    }
  })

  it('times out a load that never finishes as well', async () => {
    const dingtalk = createDingTalk({ env: 'android', timeoutMs: 20, loadApi: never })
    await expect(dingtalk.setTitle('x')).rejects.toMatchObject({ code: 'timeout', api: 'setTitle' })
  })

  it('gives calls that wait for the user the longer limit', async () => {
    const confirm = () =>
      new Promise<{ buttonIndex: number }>((resolve) => setTimeout(() => resolve({ buttonIndex: 0 }), 60))
    const alert = never
    const dingtalk = onIos({ confirm, alert }, { timeoutMs: 10, interactiveTimeoutMs: 30_000 })
    await expect(dingtalk.confirm({ message: 'Sure?' })).resolves.toBe(true)
    const slow = onIos({ alert }, { timeoutMs: 10_000, interactiveTimeoutMs: 20 })
    await expect(slow.alert({ message: 'Hi' })).rejects.toMatchObject({ code: 'timeout', api: 'alert' })
  })

  it.each([
    [
      new Error("[DINGTALK-JSAPI] ERROR 4040: Do not support the current environment：'notInDingTalk'"),
      'not_in_dingtalk',
      4040,
    ],
    [{ errorCode: 4050, errorMessage: 'not on this platform' }, 'unsupported', 4050],
    [{ errorCode: '-1', errorMessage: 'cancel' }, 'cancelled', -1],
    [{ errorCode: '7', errorMessage: 'no permission' }, 'no_permission', 7],
    [{ errorCode: '12345', errorMessage: 'odd' }, 'failed', 12345],
  ] as const)('maps rejection %j to %s', async (raw, code, nativeCode) => {
    const requestAuthCode = () => Promise.reject(raw)
    await expect(onIos({ requestAuthCode }).requestAuthCode('ding1')).rejects.toMatchObject({
      code,
      nativeCode,
      api: 'requestAuthCode',
    })
  })

  it('reports a module that fails to load as failed', async () => {
    await expect(onIos({}).openLink('https://example.com')).rejects.toMatchObject({ code: 'failed', api: 'openLink' })
  })

  it('maps toast options to DingTalk params without undefined fields', async () => {
    const toast = vi.fn(async () => ({}))
    const dingtalk = onIos({ toast })
    await dingtalk.toast({ text: 'Saved', type: 'success', duration: 2000 })
    await dingtalk.toast({ text: 'FYI', type: 'info' })
    expect(toast.mock.calls).toEqual([[{ text: 'Saved', icon: 'success', duration: 2 }], [{ text: 'FYI' }]])
  })

  it('maps the confirm button index to a boolean, and a native cancel to false', async () => {
    const answers = [{ buttonIndex: 0 }, { buttonIndex: 1 }]
    const confirm = vi.fn(async () => answers.shift() ?? Promise.reject({ errorCode: '-1' }))
    const dingtalk = onIos({ confirm })
    const ask = { title: 'Delete', message: 'Delete the file?', confirmText: 'Delete', cancelText: 'Keep' }
    await expect(dingtalk.confirm(ask)).resolves.toBe(true)
    await expect(dingtalk.confirm(ask)).resolves.toBe(false)
    await expect(dingtalk.confirm(ask)).resolves.toBe(false)
    expect(confirm).toHaveBeenCalledWith({
      title: 'Delete',
      message: 'Delete the file?',
      buttonLabels: ['Delete', 'Keep'],
    })
  })

  it('still rejects confirm on failures other than cancel', async () => {
    const confirm = () => Promise.reject({ errorCode: '7' })
    await expect(onIos({ confirm }).confirm({ message: 'x' })).rejects.toMatchObject({ code: 'no_permission' })
  })

  it('calls complexPicker for users only and maps emplId to userId', async () => {
    const complexPicker = vi.fn(async () => ({
      selectedCount: 2,
      users: [
        { emplId: 'u1', name: 'Chan Tai Man', avatar: 'https://a/1.png' },
        { emplId: 'u2', name: 'Wong Siu Ming', avatar: '' },
      ],
    }))
    const picked = await onIos({ complexPicker }).complexPicker({
      corpId: 'ding1',
      title: 'Invite',
      maxUsers: 5,
      appId: 42,
    })
    expect(picked).toEqual([
      { userId: 'u1', name: 'Chan Tai Man', avatar: 'https://a/1.png' },
      { userId: 'u2', name: 'Wong Siu Ming' },
    ])
    expect(complexPicker).toHaveBeenCalledWith({
      corpId: 'ding1',
      title: 'Invite',
      multiple: true,
      maxUsers: 5,
      appId: 42,
      responseUserOnly: true,
    })
  })

  it('rejects complexPicker with cancelled when the user backs out', async () => {
    const complexPicker = () => Promise.reject({ errorCode: '-1', errorMessage: 'user cancel' })
    await expect(onIos({ complexPicker }).complexPicker({ corpId: 'ding1' })).rejects.toMatchObject({
      code: 'cancelled',
      api: 'complexPicker',
    })
  })

  it('passes setTitle, openLink, alert and previewImage through', async () => {
    const setTitle = vi.fn(async () => ({}))
    const openLink = vi.fn(async () => ({}))
    const alert = vi.fn(async () => ({}))
    const previewImage = vi.fn(async () => ({}))
    const dingtalk = onIos({ setTitle, openLink, alert, previewImage })
    await dingtalk.setTitle('Cases')
    await dingtalk.openLink('https://example.com/a')
    await dingtalk.alert({ message: 'Done' })
    await dingtalk.previewImage({ urls: ['https://a/1.png', 'https://a/2.png'] })
    expect(setTitle).toHaveBeenCalledWith({ title: 'Cases' })
    expect(openLink).toHaveBeenCalledWith({ url: 'https://example.com/a' })
    expect(alert).toHaveBeenCalledWith({ message: 'Done' })
    expect(previewImage).toHaveBeenCalledWith({
      urls: ['https://a/1.png', 'https://a/2.png'],
      current: 'https://a/1.png',
    })
  })
})
