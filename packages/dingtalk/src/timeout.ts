import { DingTalkError } from './errors'

/**
 * Settle with `work`, or reject with a `timeout` {@link DingTalkError} after `ms`.
 * Some SDK failures never settle (a DingTalk UA without a bridge, a PC host outside
 * `.dingtalk.com`), so every bridge call goes through here. A late answer is ignored.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, api: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DingTalkError({ code: 'timeout', api, message: `DingTalk ${api} did not answer within ${ms} ms` }))
    }, ms)
    work.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
