/** Options of {@link DingTalk.toast}. `duration` is in milliseconds (DingTalk rounds to seconds). */
export interface ToastOptions {
  text: string
  type?: 'success' | 'error' | 'info'
  duration?: number
}

/** Options of {@link DingTalk.alert}. */
export interface AlertOptions {
  title?: string
  message: string
  /** Label of the only button; DingTalk's default is 确定. */
  buttonName?: string
}

/** Options of {@link DingTalk.confirm}. */
export interface ConfirmOptions {
  title?: string
  message: string
  /** DingTalk's default is 确定. */
  confirmText?: string
  /** DingTalk's default is 取消. */
  cancelText?: string
}

/** Options of {@link DingTalk.complexPicker}: pick people of the org `corpId`. */
export interface ComplexPickerOptions {
  corpId: string
  title?: string
  /** Default true. */
  multiple?: boolean
  maxUsers?: number
  /** The micro-app's id (agent id) when the picker needs it. */
  appId?: number
}

/** One person returned by {@link DingTalk.complexPicker}; `userId` is the DingTalk userid (`emplId`). */
export interface PickedUser {
  userId: string
  name: string
  avatar?: string
}

/** Options of {@link DingTalk.previewImage}. `current` defaults to the first url. */
export interface PreviewImageOptions {
  urls: string[]
  current?: string
}

/** The page's main action in DingTalk's mobile navigation bar ({@link DingTalkOperations.setRight}). */
export interface NavBarAction {
  /** The button's text (short: the bar has room for about four characters). */
  text: string
  /** Called on each tap. */
  onClick: () => void
}

/** What {@link DingTalkOperations.share} shares: an invitation, a link to an item. */
export interface ShareOptions {
  title: string
  /** One or two lines about what the link opens. */
  content?: string
  url: string
  /** Picture shown with the link in DingTalk's share sheet (an absolute URL). */
  image?: string
}

/** How {@link DingTalkOperations.share} delivered the link: a share sheet, or the clipboard. */
export type ShareResult = 'shared' | 'copied'

/** The platform operations the apps use, the same inside and outside DingTalk. */
export interface DingTalkOperations {
  /** A single-use auth code (valid 5 min) for the backend's sign-in; rejects `not_in_dingtalk` in a browser. */
  requestAuthCode(corpId: string): Promise<string>
  /** A short message that goes away by itself. */
  toast(options: ToastOptions): Promise<void>
  /** A message with one button; resolves when it is dismissed. */
  alert(options: AlertOptions): Promise<void>
  /** A yes/no question; resolves false on cancel rather than rejecting. */
  confirm(options: ConfirmOptions): Promise<boolean>
  /** The navigation bar title (the document title in a browser). */
  setTitle(title: string): Promise<void>
  /** Open a URL in a new DingTalk page (a new tab in a browser). */
  openLink(url: string): Promise<void>
  /** Pick people of the org; rejects `cancelled` when the user backs out. */
  complexPicker(options: ComplexPickerOptions): Promise<PickedUser[]>
  /** Full-screen image viewer. */
  previewImage(options: PreviewImageOptions): Promise<void>
  /**
   * The text button at the right of DingTalk's mobile navigation bar (`biz.navigation.setRight`),
   * or none with `null`. Rejects `unsupported` on PC and in a browser: the page shows its own button.
   */
  setRight(action: NavBarAction | null): Promise<void>
  /**
   * DingTalk's mobile pull-to-refresh (`ui.pullToRefresh.enable`): `onRefresh` on each pull; call
   * {@link stopPullToRefresh} when the reload is done. Rejects `unsupported` on PC and in a browser.
   */
  enablePullToRefresh(onRefresh: () => void): Promise<void>
  /** Hide the spinner of a pull (`ui.pullToRefresh.stop`); does nothing where pulling is not offered. */
  stopPullToRefresh(): Promise<void>
  /** Turn pull-to-refresh off again (`ui.pullToRefresh.disable`); does nothing where it is not offered. */
  disablePullToRefresh(): Promise<void>
  /**
   * Share a link: DingTalk's share sheet (`biz.util.share`) inside DingTalk; in a browser the Web
   * Share API where there is one, else the link is copied. Resolves how it went; rejects `cancelled`
   * when the person closed the sheet.
   */
  share(options: ShareOptions): Promise<ShareResult>
}
