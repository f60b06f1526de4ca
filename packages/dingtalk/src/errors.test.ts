import { describe, expect, it } from 'vitest'
import { DingTalkError, isDingTalkError, readNativeCode, toDingTalkError } from './errors'

describe('toDingTalkError', () => {
  it('maps the SDK 4040 Error (code only in the message) to not_in_dingtalk', () => {
    const raw = new Error("[DINGTALK-JSAPI] ERROR 4040: Do not support the current environment：'notInDingTalk'")
    const error = toDingTalkError('requestAuthCode', raw)
    expect(error).toMatchObject({ code: 'not_in_dingtalk', nativeCode: 4040, api: 'requestAuthCode' })
    expect(error.cause).toBe(raw)
  })

  it.each([
    [
      { errorCode: 4050, errorMessage: "'biz.navigation.setTitle' do not support the current platform ('pc')" },
      'unsupported',
      4050,
    ],
    [{ errorCode: 4060, errorMessage: 'not configured' }, 'unsupported', 4060],
    [{ errorCode: '1', errorMessage: 'api not exist' }, 'unsupported', 1],
    [{ errorCode: '-1', errorMessage: 'cancel' }, 'cancelled', -1],
    [{ errorCode: -1 }, 'cancelled', -1],
    [{ errorCode: '7', errorMessage: 'no permission' }, 'no_permission', 7],
    [{ error: 7, errorMessage: 'no permission' }, 'no_permission', 7],
    [{ errorCode: '52013', errorMessage: 'signature mismatch' }, 'failed', 52013],
    [{ errorMessage: 'no code at all' }, 'failed', undefined],
    ['plain string', 'failed', undefined],
    [undefined, 'failed', undefined],
  ] as const)('%j -> %s', (raw, code, nativeCode) => {
    const error = toDingTalkError('toast', raw)
    expect(error).toBeInstanceOf(DingTalkError)
    expect(error).toMatchObject({ code, nativeCode, api: 'toast', name: 'DingTalkError' })
  })

  it('keeps the SDK message', () => {
    expect(toDingTalkError('alert', { errorCode: '3', errorMessage: 'boom' }).message).toBe('boom')
  })

  it('passes a DingTalkError through unchanged', () => {
    const original = new DingTalkError({ code: 'timeout', api: 'confirm', message: 'slow' })
    expect(toDingTalkError('other', original)).toBe(original)
  })
})

describe('readNativeCode', () => {
  it('ignores non-numeric error fields', () => {
    expect(readNativeCode({ error: 'oops', errorCode: 'abc' })).toBeUndefined()
  })
})

describe('isDingTalkError', () => {
  it('recognises instances and look-alikes from another copy of the package', () => {
    expect(isDingTalkError(new DingTalkError({ code: 'failed', api: 'x', message: 'm' }))).toBe(true)
    const lookalike = Object.assign(new Error('m'), { name: 'DingTalkError', code: 'failed' })
    expect(isDingTalkError(lookalike)).toBe(true)
    expect(isDingTalkError(new Error('m'))).toBe(false)
    expect(isDingTalkError({ code: 'failed' })).toBe(false)
  })
})
