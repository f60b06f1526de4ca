import type { OutboxItem } from '../outbox/outbox'

/** What happened to a report the moment it was sent: the toast says exactly this. */
export type SubmitOutcome = 'sent' | 'queuedOffline' | 'queuedRetry' | 'failed'

/**
 * The outcome of a report's first attempt: sent, refused by the server, or kept on the device,
 * because there is no connection or because the server could not take it just now.
 */
export function submitOutcome(item: OutboxItem | null, online: boolean): SubmitOutcome {
  if (item?.state === 'sent') return 'sent'
  if (item?.state === 'rejected') return 'failed'
  const code = item?.lastError?.code
  if (!online || code === 'network_error' || code === 'timeout') return 'queuedOffline'
  return 'queuedRetry'
}
