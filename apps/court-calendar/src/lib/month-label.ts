import type { IsoDate } from '@suite/court-rules'
import { getDateLocale, toHongKongTime } from '@suite/ui'

/** "April 2026" / "2026年4月" for the month view's heading, in the current suite locale. */
export function monthLabel(date: IsoDate): string {
  const d = toHongKongTime(`${date.slice(0, 7)}-01`)
  return d ? d.format(getDateLocale() === 'en' ? 'MMMM YYYY' : 'YYYY年M月') : ''
}
