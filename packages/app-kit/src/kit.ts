import type { DingTalk } from '@suite/dingtalk'
import type { Session } from '@suite/domain'
import type { SessionExpiry, SignInApi } from '@suite/ui'
import type { Component, InjectionKey } from 'vue'

/** What {@link createSuiteApp} hands its root component (internal to the kernel). */
export interface SuiteKit {
  /** i18n key of the app's title. */
  title: string
  dingtalk: DingTalk
  /** `?corpId=` of the URL the app was opened with. */
  urlCorpId: string | null
  expiry: SessionExpiry
  /** The sign-in gate's view of the lazily loaded API client. */
  signInApi: SignInApi
  /** The lazily loaded API client (the kernel's tests reach the transport through it). */
  loadApi: () => Promise<unknown>
  /** The signed-in shell, with the app's messages merged and its dependencies provided. */
  Shell: Component
  /** A page marked `meta.public`, rendered outside the sign-in gate with the same set-up. */
  PublicView: Component
  onSignedIn: (session: Session) => void
  onSignedOut: () => void
}

/** Where {@link createSuiteApp} provides the {@link SuiteKit}. */
export const SUITE_KIT: InjectionKey<SuiteKit> = Symbol('suite-kit')
