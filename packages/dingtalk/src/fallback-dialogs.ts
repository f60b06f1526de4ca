import { ElMessage, ElMessageBox } from 'element-plus'
import type { AlertOptions, ConfirmOptions, ToastOptions } from './types'

/**
 * The Element Plus dialogs of the browser fallback. `fallback.ts` imports this module only
 * when a dialog is first needed, so an app's first screen does not carry ElMessage,
 * ElMessageBox and what they pull in (input, overlay, focus trap) in its initial bundle.
 */

/** ElMessageBox rejects with the action name when the user backs out. */
function isDismissal(reason: unknown): boolean {
  return reason === 'cancel' || reason === 'close'
}

/** Toast as an Element Plus message; 3 s like DingTalk's default. */
export function toastWithMessage({ text, type, duration }: ToastOptions): void {
  ElMessage({ message: text, type: type ?? 'info', duration: duration ?? 3000 })
}

/** Alert as an Element Plus message box; closing it counts as dismissing it. */
export async function alertWithMessageBox({ title, message, buttonName }: AlertOptions): Promise<void> {
  try {
    await ElMessageBox.alert(message, title ?? '', buttonName === undefined ? {} : { confirmButtonText: buttonName })
  } catch (reason) {
    if (!isDismissal(reason)) throw reason
  }
}

/** Confirm as an Element Plus message box: true on confirm, false on cancel or close. */
export async function confirmWithMessageBox({
  title,
  message,
  confirmText,
  cancelText,
}: ConfirmOptions): Promise<boolean> {
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
