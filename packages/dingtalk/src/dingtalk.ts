import { createBrowserOperations } from './browser'
import { detectEnvironment } from './environment'
import type { DingTalkEnv } from './environment'
import { withFallback } from './fallback'
import type { Fallback } from './fallback'
import { createNativeOperations } from './native'
import { loadSdkApi } from './sdk-loader'
import type { LoadApi } from './sdk-loader'
import type { DingTalkOperations } from './types'

/** Options of {@link createDingTalk}. */
export interface DingTalkOptions {
  /** Limit for each bridge call that answers at once. Default 8000 ms. */
  timeoutMs?: number
  /**
   * Limit for bridge calls that wait for the user (alert, confirm, complexPicker,
   * previewImage). Default 300000 ms (5 min).
   */
  interactiveTimeoutMs?: number
  /** Force a platform instead of {@link detectEnvironment}, e.g. `'browser'` for the dev fallback. */
  env?: DingTalkEnv
  /** Replace some browser fallbacks, and supply `pickUsers`. */
  fallback?: Partial<Fallback>
  /** Replace the SDK loader (tests inject fake native APIs here). */
  loadApi?: LoadApi
}

/**
 * The app's handle on DingTalk. Every method rejects only with a `DingTalkError`
 * (`confirm` resolves false on cancel instead).
 */
export interface DingTalk extends DingTalkOperations {
  /** The platform detected (or forced) when the adapter was created. */
  readonly env: DingTalkEnv
  /** False in a plain browser, where the fallbacks run. */
  readonly inDingTalk: boolean
  /** True in DingTalk's mobile clients, which have a native navigation bar button and pull-to-refresh. */
  readonly mobile: boolean
}

/**
 * Create the adapter. Inside DingTalk, each method lazily loads its dingtalk-jsapi module on
 * first use (so apps pay only for what they call) and runs under its own timeout; in a browser
 * the Element Plus fallbacks run. Create it after the page has its UA and globals in place.
 */
export function createDingTalk(options: DingTalkOptions = {}): DingTalk {
  const env = options.env ?? detectEnvironment()
  const inDingTalk = env !== 'browser'
  const operations = inDingTalk
    ? createNativeOperations(
        options.loadApi ?? loadSdkApi,
        {
          call: options.timeoutMs ?? 8000,
          interactive: options.interactiveTimeoutMs ?? 300_000,
        },
        env,
      )
    : createBrowserOperations(withFallback(options.fallback))
  return { ...operations, env, inDingTalk, mobile: env === 'ios' || env === 'android' || env === 'harmony' }
}
