import { DingTalkError } from './errors'
import type {
  AlertOptions,
  ComplexPickerOptions,
  ConfirmOptions,
  PickedUser,
  PreviewImageOptions,
  ShareOptions,
  ShareResult,
  ToastOptions,
} from './types'

/**
 * What the adapter does outside DingTalk (a desktop browser, local development). Every member
 * can be replaced through `createDingTalk({ fallback })`; results may be sync or async.
 */
export interface Fallback {
  toast(options: ToastOptions): void | Promise<void>
  alert(options: AlertOptions): void | Promise<void>
  /** Resolves false on cancel or close; never rejects for that. */
  confirm(options: ConfirmOptions): boolean | Promise<boolean>
  setTitle(title: string): void | Promise<void>
  openLink(url: string): void | Promise<void>
  previewImage(options: PreviewImageOptions): void | Promise<void>
  /** Share a link: the Web Share API where the browser has one, else copy it. */
  share(options: ShareOptions): ShareResult | Promise<ShareResult>
  /**
   * The people picker, supplied by the app (a list dialog over the org directory).
   * Without it `complexPicker` rejects `unsupported` in a browser.
   */
  pickUsers?(options: ComplexPickerOptions): Promise<PickedUser[]>
}

/**
 * Import a module once, on first use; a failed import (a flaky network fetching the chunk)
 * is forgotten so the next call tries again.
 */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined
      throw error
    })
    return pending
  }
}

// Element Plus dialogs are only needed when a fallback runs, never for the first screen.
const dialogs = lazy(() => import('./fallback-dialogs'))
const imageViewer = lazy(() => import('./image-viewer'))

/** The browser behaviour of each operation; `pickUsers` has no default. */
export const defaultFallback: Fallback = {
  async toast(options) {
    const { toastWithMessage } = await dialogs()
    toastWithMessage(options)
  },
  async alert(options) {
    await (await dialogs()).alertWithMessageBox(options)
  },
  async confirm(options) {
    return (await dialogs()).confirmWithMessageBox(options)
  },
  setTitle(title) {
    document.title = title
  },
  openLink(url) {
    window.open(url, '_blank', 'noopener')
  },
  async previewImage(options) {
    const { mountImageViewer } = await imageViewer()
    mountImageViewer(options)
  },
  share: shareInBrowser,
}

/** A dismissed Web Share sheet rejects with an `AbortError`. */
function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'
}

/**
 * The browser's share sheet (phones, Safari, Edge) when it has one; otherwise, or when it refuses
 * (not allowed here), the link goes to the clipboard. A person closing the sheet is `cancelled`.
 */
export async function shareInBrowser({ title, content, url }: ShareOptions): Promise<ShareResult> {
  const nav = globalThis.navigator as Navigator | undefined
  const data = { title, text: content, url }
  if (nav?.share && (!nav.canShare || nav.canShare(data))) {
    try {
      await nav.share(data)
      return 'shared'
    } catch (error) {
      if (isAbort(error)) throw new DingTalkError({ code: 'cancelled', api: 'share', message: 'Share sheet closed' })
    }
  }
  if (!nav?.clipboard)
    throw new DingTalkError({ code: 'unsupported', api: 'share', message: 'No share sheet or clipboard' })
  await nav.clipboard.writeText(url)
  return 'copied'
}

/** The default fallback with the members of `overrides` that are set (an explicit undefined keeps the default). */
export function withFallback(overrides: Partial<Fallback> = {}): Fallback {
  const set = Object.entries(overrides).filter(([, value]) => value !== undefined)
  return { ...defaultFallback, ...Object.fromEntries(set) }
}
