/**
 * @suite/dingtalk: the only importer of dingtalk-jsapi. `createDingTalk()` gives the apps one
 * adapter that calls the native JSAPIs inside DingTalk (lazily, per API, each under a timeout,
 * failures as `DingTalkError`) and Element Plus fallbacks in a plain browser.
 */
export { createDingTalk } from './dingtalk'
export type { DingTalk, DingTalkOptions } from './dingtalk'
export { detectEnvironment } from './environment'
export type { DingTalkEnv, EnvironmentWindow } from './environment'
export { DingTalkError, isDingTalkError } from './errors'
export type { DingTalkErrorCode, DingTalkErrorInit } from './errors'
export { readCorpId } from './corp-id'
export { defaultFallback } from './fallback'
export type { Fallback } from './fallback'
export type { LoadApi, NativeApiName, NativeApis } from './sdk-loader'
export type {
  AlertOptions,
  ComplexPickerOptions,
  ConfirmOptions,
  DingTalkOperations,
  PickedUser,
  NavBarAction,
  PreviewImageOptions,
  ShareOptions,
  ShareResult,
  ToastOptions,
} from './types'
