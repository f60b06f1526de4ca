import type { WrittenForm } from './forms-ids'
import { confirm, luhnOk, phoneE164 } from './oracles'
import type { Rng } from './rng'

/**
 * Numbers people write all day that are not personal data: order, invoice, case and tracking
 * numbers, dates, times, timestamps, amounts, IP addresses, versions, bank accounts. They are
 * written next to the words that would make a real value count (`Tel 2025-04-17`,
 * `卡號 012-345-678901-2`), so a detector that leans on context alone fails here.
 */

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
/** Sentences with phone words in them. */
const NEAR_PHONE = ['Call on {}', '電話會議 {}', 'Tel {}', '{}', '聯絡日期：{}', 'WhatsApp 記錄 {}']
/** Sentences with card words in them. */
const NEAR_CARD = ['卡號 {}', 'Card {}', '信用卡 {} 已過期', '{}', '帳戶 {}']

const date = (rng: Rng): { y: number; m: string; d: string } => ({
  y: rng.int(2019, 2027),
  m: pad(rng.int(1, 12)),
  d: pad(rng.int(1, 28)),
})

/** [form, type, templates, make]. */
const NEGATIVES: Array<[string, WrittenForm['type'], readonly string[], (rng: Rng) => string]> = [
  [
    'order numbers ORD-20250417-123456',
    'phone',
    NEAR_PHONE,
    (rng) => {
      const { y, m, d } = date(rng)
      return `ORD-${y}${m}${d}-${rng.digits(6)}`
    },
  ],
  [
    'dates',
    'phone',
    NEAR_PHONE,
    (rng) => {
      const { y, m, d } = date(rng)
      return rng.pick([
        `${y}-${m}-${d}`,
        `${d}/${m}/${y}`,
        `${y}.${m}.${d}`,
        `${y}${m}${d}`,
        `${d}.${m}.${y}`,
        `${y}/${m}/${d}`,
        `${d}-${m}-${y}`,
      ])
    },
  ],
  [
    'year ranges',
    'phone',
    NEAR_PHONE,
    (rng) => {
      const y = rng.int(1990, 2030)
      return rng.pick([`${y}-${y + 1}`, `${y} - ${y + 1}`, `${y}–${y + 1}`, `${y} ${y + 1}`])
    },
  ],
  [
    'times and ISO timestamps',
    'phone',
    NEAR_PHONE,
    (rng) => {
      const { y, m, d } = date(rng)
      const t = `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`
      return rng.pick([t, `${y}-${m}-${d}T${t}+08:00`, `${y}-${m}-${d} ${t}`, `${y}${m}${d}${t.replace(/:/g, '')}`])
    },
  ],
  ['unix timestamps (s, ms)', 'phone', NEAR_PHONE, (rng) => rng.pick([`17${rng.digits(8)}`, `17${rng.digits(11)}`])],
  [
    'amounts',
    'phone',
    NEAR_PHONE,
    (rng) =>
      rng.pick([
        `HK$${rng.int(1, 99)},${rng.digits(3)},${rng.digits(3)}.${rng.digits(2)}`,
        `HK$ ${rng.int(1, 9)},${rng.digits(3)}.${rng.digits(2)}`,
        `HK$${rng.int(2, 9)}${rng.digits(7)}`,
        `RMB ${rng.int(2, 9)}${rng.digits(7)}.00`,
        `US$${rng.int(1, 99)},${rng.digits(3)},${rng.digits(3)}`,
        `¥${rng.int(5, 9)}${rng.digits(7)}`,
      ]),
  ],
  [
    'invoice numbers',
    'phone',
    NEAR_PHONE,
    (rng) => {
      const { y, m } = date(rng)
      return rng.pick([
        `INV-${y}-${rng.digits(6)}`,
        `INV/${y}/${rng.digits(8)}`,
        `Invoice No. ${y}/${m}/${rng.digits(4)}`,
        `#${rng.digits(8)}`,
      ])
    },
  ],
  [
    'tracking numbers',
    'phone',
    NEAR_PHONE,
    (rng) =>
      rng.pick([
        `SF${rng.digits(13)}`,
        `EE${rng.digits(9)}HK`,
        `1Z${rng.digits(3)}AA${rng.digits(10)}`,
        `JD${rng.digits(15)}`,
        `${rng.int(7, 9)}${rng.digits(11)}`,
      ]),
  ],
  [
    'case numbers HCA 1234/2025',
    'hk_id',
    ['案件 {}', 'In {} the court held', 'HKID 案 {}', '{}'],
    (rng) =>
      `${rng.pick(['HCA', 'DCCJ', 'CACV', 'HCMP', 'LDBM', 'FCMC', 'HCAL'])} ${rng.int(1, 9999)}/${rng.int(2010, 2026)}`,
  ],
  [
    'IP addresses',
    'phone',
    NEAR_PHONE,
    (rng) => {
      const o = (): number => rng.int(1, 255)
      return rng.pick([
        `${o()}.${o()}.${o()}.${o()}`,
        `${o()}.${o()}.${o()}.${o()}:${rng.int(80, 9999)}`,
        `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${o()}`,
      ])
    },
  ],
  [
    'version strings',
    'phone',
    NEAR_PHONE,
    (rng) =>
      rng.pick([
        `v${rng.int(1, 20)}.${rng.int(0, 30)}.${rng.int(0, 99)}`,
        `${rng.int(1, 20)}.${rng.int(0, 30)}.${rng.digits(8)}`,
        `build ${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)}.${rng.digits(8)}`,
        `10.0.${rng.digits(5)}.${rng.digits(4)}`,
      ]),
  ],
  [
    'HK bank account numbers 012-345-678901-2',
    'credit_card',
    NEAR_CARD,
    (rng) =>
      rng.pick([
        `${rng.digits(3)}-${rng.digits(3)}-${rng.digits(6)}-${rng.digits(1)}`,
        `${rng.digits(3)}-${rng.digits(6)}-${rng.digits(3)}`,
        `${rng.digits(3)}-${rng.digits(9)}`,
        `${rng.digits(3)} ${rng.digits(3)} ${rng.digits(6)} ${rng.digits(1)}`,
      ]),
  ],
  [
    '16-digit references failing Luhn',
    'credit_card',
    NEAR_CARD,
    (rng) => {
      let n = ''
      do n = `4${rng.digits(15)}`
      while (luhnOk(n))
      confirm(!luhnOk(n), 'a number failing Luhn', n)
      return rng.pick([n, n.match(/.{4}/g)!.join(' '), n.match(/.{4}/g)!.join('-')])
    },
  ],
  [
    'long reference numbers (20+ digits)',
    'credit_card',
    NEAR_CARD,
    (rng) => `${rng.int(1, 9)}${rng.digits(rng.int(19, 24))}`,
  ],
  [
    'business registration numbers',
    'phone',
    ['BR No. {}', '商業登記 {}', '{}'],
    (rng) =>
      rng.pick([
        `${rng.digits(8)}-000-${pad(rng.int(1, 12))}-${pad(rng.int(19, 26))}-${rng.digits(1)}`,
        `${rng.digits(8)}`,
      ]),
  ],
  [
    'invalid HK numbers that look like phones',
    'phone',
    NEAR_PHONE,
    (rng) => {
      let n = ''
      do n = `${rng.pick(['0', '1', '20', '99', '50', '30'])}${rng.digits(8)}`.slice(0, 8)
      while (phoneE164(n, 'HK') !== null)
      confirm(phoneE164(n, 'HK') === null, 'an invalid HK number', n)
      return rng.pick([`${n.slice(0, 4)} ${n.slice(4)}`, `${n.slice(0, 4)}-${n.slice(4)}`])
    },
  ],
]

/** Hard negatives, as written forms: nothing in them may be found. */
export const HARD_NEGATIVES: readonly WrittenForm[] = NEGATIVES.map(([form, type, templates, make]) => ({
  type,
  form,
  positive: false,
  templates,
  make,
}))
