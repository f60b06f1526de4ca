import type { ConfirmOptions, ShareOptions, ShareResult, ToastOptions } from '@suite/dingtalk'
import { isDingTalkError } from '@suite/dingtalk'
import { useI18n } from 'vue-i18n'
import { useSuiteDingTalk } from './platform'

/**
 * The suite's confirm, toast and share: DingTalk's own (`device.notification.confirm` / `toast`,
 * `biz.util.share`) inside the DingTalk client, Element Plus, the Web Share API or the clipboard
 * in a browser. Button labels default to the page's language (DingTalk's own default is
 * Simplified Chinese).
 *
 * @example
 * const { confirm, toast, share } = useDialogs()
 * if (await confirm({ message: t('members.removeConfirm', { name }) })) { ... ; void toast({ text: t('members.removed'), type: 'success' }) }
 * await share({ title: t('invite.shareTitle'), content: t('invite.shareText'), url: invitation.url })
 */
export function useDialogs() {
  const dingtalk = useSuiteDingTalk()
  const { t } = useI18n()

  /** True when the person confirmed; false on cancel or close. */
  function confirm(options: ConfirmOptions): Promise<boolean> {
    return dingtalk.confirm({
      ...options,
      confirmText: options.confirmText ?? t('dialogs.confirm'),
      cancelText: options.cancelText ?? t('dialogs.cancel'),
    })
  }

  /** A short message that goes away by itself; never throws (a toast is not worth an error). */
  async function toast(options: ToastOptions): Promise<void> {
    try {
      await dingtalk.toast(options)
    } catch {
      // Nothing to do: the page already shows the outcome.
    }
  }

  /**
   * Share a link (an invitation, an item): DingTalk's share sheet inside DingTalk, else the
   * browser's, else the link is copied and a toast says so. Resolves how it went, or null when the
   * person closed the sheet; a failure is told in a toast.
   */
  async function share(options: ShareOptions): Promise<ShareResult | null> {
    try {
      const result = await dingtalk.share(options)
      if (result === 'copied') await toast({ text: t('share.copied'), type: 'success' })
      return result
    } catch (error) {
      if (isDingTalkError(error) && error.code === 'cancelled') return null
      await toast({ text: t('share.failed'), type: 'error' })
      return null
    }
  }

  return { confirm, toast, share }
}
