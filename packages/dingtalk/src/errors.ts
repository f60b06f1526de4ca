/**
 * What went wrong with a DingTalk call, coarse enough to branch on:
 * `timeout` (no answer in time; some failures hang forever), `not_in_dingtalk` (SDK 4040),
 * `unsupported` (SDK 4050/4060, native 1, or no browser fallback), `cancelled` (native -1),
 * `no_permission` (native 7) and `failed` (anything else).
 */
export type DingTalkErrorCode = 'timeout' | 'not_in_dingtalk' | 'unsupported' | 'cancelled' | 'no_permission' | 'failed'

/** Fields of a {@link DingTalkError}. */
export interface DingTalkErrorInit {
  code: DingTalkErrorCode
  /** Adapter method that failed, e.g. `requestAuthCode`. */
  api: string
  message: string
  /** The SDK's `errorCode` (or error number) when it gave one. */
  nativeCode?: number
  /** The original rejection value. */
  cause?: unknown
}

/** The one error every `DingTalk` method rejects with. */
export class DingTalkError extends Error {
  override readonly name = 'DingTalkError'
  /** Stable reason to branch on. */
  readonly code: DingTalkErrorCode
  /** Adapter method that failed, e.g. `requestAuthCode`. */
  readonly api: string
  /** The SDK's numeric error code, when present (4040, 4050, -1, 7, ...). */
  readonly nativeCode: number | undefined

  constructor(init: DingTalkErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.code = init.code
    this.api = init.api
    this.nativeCode = init.nativeCode
  }
}

/** True when `value` is a {@link DingTalkError} (also across duplicated copies of this package). */
export function isDingTalkError(value: unknown): value is DingTalkError {
  if (value instanceof DingTalkError) return true
  return (
    value instanceof Error && value.name === 'DingTalkError' && typeof (value as { code?: unknown }).code === 'string'
  )
}

/** Native codes with a meaning of their own; anything else is `failed`. */
const CODE_BY_NATIVE = new Map<number, DingTalkErrorCode>([
  [4040, 'not_in_dingtalk'],
  [4050, 'unsupported'],
  [4060, 'unsupported'],
  [1, 'unsupported'],
  [-1, 'cancelled'],
  [7, 'no_permission'],
])

/** Map a native error number to our code. */
export function codeForNative(nativeCode: number | undefined): DingTalkErrorCode {
  return (nativeCode === undefined ? undefined : CODE_BY_NATIVE.get(nativeCode)) ?? 'failed'
}

/** A finite number from a number or a numeric string, else undefined. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value)
  return undefined
}

/**
 * The SDK's error number. Bridges reject with `{errorCode: '-1' | 4050, errorMessage}`; the
 * "not in DingTalk" case is a plain `Error('[DINGTALK-JSAPI] ERROR 4040: ...')` with no field.
 */
export function readNativeCode(raw: unknown): number | undefined {
  if (raw !== null && typeof raw === 'object') {
    const fields = raw as { errorCode?: unknown; error?: unknown; code?: unknown }
    const direct = toNumber(fields.errorCode) ?? toNumber(fields.error) ?? toNumber(fields.code)
    if (direct !== undefined) return direct
  }
  const text = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : ''
  const match = /\[DINGTALK-JSAPI\]\s+\w+\s+(\d{4}):/.exec(text)
  return match ? Number(match[1]) : undefined
}

/** A human-readable message out of whatever the SDK rejected with. */
function readMessage(raw: unknown): string {
  if (raw instanceof Error) return raw.message
  if (typeof raw === 'string') return raw
  if (raw !== null && typeof raw === 'object') {
    const fields = raw as { errorMessage?: unknown; message?: unknown; reason?: unknown }
    const text = fields.errorMessage ?? fields.message ?? fields.reason
    if (typeof text === 'string' && text) return text
    try {
      return JSON.stringify(raw)
    } catch {
      return 'Unknown DingTalk error'
    }
  }
  return String(raw)
}

/** Turn any rejection value from the SDK or a fallback into a {@link DingTalkError} for `api`. */
export function toDingTalkError(api: string, raw: unknown): DingTalkError {
  if (isDingTalkError(raw)) return raw
  const nativeCode = readNativeCode(raw)
  return new DingTalkError({ code: codeForNative(nativeCode), api, nativeCode, message: readMessage(raw), cause: raw })
}
