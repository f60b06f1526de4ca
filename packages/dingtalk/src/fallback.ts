import { ElMessage, ElMessageBox } from 'element-plus'
import { mountImageViewer } from './image-viewer'
import type { AlertOptions, ComplexPickerOptions, ConfirmOptions, PickedUser, PreviewImageOptions, ToastOptions } from './types'

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
  /**
   * The people picker, supplied by the app (a list dialog over the org directory).
   * Without it `complexPicker` rejects `unsupported` in a browser.
   */
  pickUsers?(options: ComplexPickerOptions): Promise<PickedUser[]>
}

/** ElMessageBox rejects with the action name when the user backs out. */
function isDismissal(reason: unknown): boolean {
  return reason === 'cancel' || reason === 'close'
}

/** Toast as an Element Plus message; 3 s like DingTalk's default. */
function toastWithMessage({ text, type, duration }: ToastOptions): void {
  ElMessage({ message: text, type: type ?? 'info', duration: duration ?? 3000 })
}

/** Alert as an Element Plus message box; closing it counts as dismissing it. */
async function alertWithMessageBox({ title, message, buttonName }: AlertOptions): Promise<void> {
  try {
    await ElMessageBox.alert(message, title ?? '', buttonName === undefined ? {} : { confirmButtonText: buttonName })
  } catch (reason) {
    if (!isDismissal(reason)) throw reason
  }
}

/** Confirm as an Element Plus message box: true on confirm, false on cancel or close. */
async function confirmWithMessageBox({ title, message, confirmText, cancelText }: ConfirmOptions): Promise<boolean> {
  const labels = {
    ...(confirmText === undefined ? {} : { confirmButtonText: confirmText }),
    ...(cancelText === undefined ? {} : { cancelButtonText: cancelText }),
  }
  try {
    await ElMessageBox.confirm(message, title ?? '', { ...labels, type: 'warning' })
    return true
  } catch (reason) {
    if (isDismissal(reason)) return false
    throw reason
  }
}

/** The browser behaviour of each operation; `pickUsers` has no default. */
export const defaultFallback: Fallback = {
  toast: toastWithMessage,
  alert: alertWithMessageBox,
  confirm: confirmWithMessageBox,
  setTitle(title) {
    document.title = title
  },
  openLink(url) {
    window.open(url, '_blank', 'noopener')
  },
  previewImage(options) {
    mountImageViewer(options)
  },
}

/** The default fallback with the members of `overrides` that are set (an explicit undefined keeps the default). */
export function withFallback(overrides: Partial<Fallback> = {}): Fallback {
  const set = Object.entries(overrides).filter(([, value]) => value !== undefined)
  return { ...defaultFallback, ...Object.fromEntries(set) }
}
