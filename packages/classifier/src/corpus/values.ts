import { phoneE164 } from './oracles'
import type { Rng } from './rng'

/**
 * Values for the corpus, written independently of the detectors: check digits are computed
 * here from the published algorithms (../shared/DOMAIN.md), so a detector bug shows up as a
 * mismatch instead of being copied into the labels.
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** Full-width form of ASCII text (`A1` → `Ａ１`). */
export const toFullWidth = (s: string): string =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

/** The HKID check character by the published algorithm (DOMAIN.md). */
export function hkCheck(prefix: string, digits: string): string {
  const v = (c: string): number => LETTERS.indexOf(c) + 10
  const weights = [9, 8, 7, 6, 5, 4, 3, 2]
  const values = [
    ...(prefix.length === 1 ? [36, v(prefix)] : [v(prefix[0]!), v(prefix[1]!)]),
    ...[...digits].map(Number),
  ]
  const s = values.reduce((acc, x, i) => acc + x * weights[i]!, 0)
  const c = (11 - (s % 11)) % 11
  return c === 10 ? 'A' : String(c)
}

/** An HKID in one of the written forms; `valid: false` gives a wrong check character. */
export function hkId(rng: Rng, valid: boolean): string {
  const prefix = rng.chance(0.15) ? rng.pick([...LETTERS]) + rng.pick([...LETTERS]) : rng.pick([...LETTERS])
  const digits = rng.digits(6)
  let check = hkCheck(prefix, digits)
  if (!valid) check = rng.pick([...'0123456789A'].filter((c) => c !== check))
  const form = rng.int(0, 4)
  if (form === 0) return `${prefix}${digits}(${check})`
  if (form === 1) return `${prefix}${digits}（${check}）`
  if (form === 2) return `${prefix}${digits}${check}`
  if (form === 3) return `${prefix}${digits} (${check})`
  return toFullWidth(`${prefix}${digits}(${check})`)
}

/** A Macau BIR number `1234567(8)`, `1/234567/8` or with full-width brackets. */
export function moId(rng: Rng): string {
  const first = rng.pick(['1', '5', '7'])
  const body = rng.digits(6)
  const last = rng.digits(1)
  return rng.pick([`${first}${body}(${last})`, `${first}${body}（${last}）`, `${first}/${body}/${last}`])
}

/** Real area codes (Beijing, Shanghai, Shenzhen, Guangzhou, Nanjing, Hangzhou, …). */
export const AREAS = [
  '110105',
  '110108',
  '310104',
  '310115',
  '440305',
  '440106',
  '320102',
  '330106',
  '510107',
  '420102',
  '620102',
  '350203',
  '210202',
  '370102',
]
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** The mainland ID check character by the published algorithm (DOMAIN.md). */
export const cnCheck = (s17: string): string =>
  '10X98765432'[[...s17].reduce((a, d, i) => a + Number(d) * W[i]!, 0) % 11]!
const pad = (n: number, w: number): string => String(n).padStart(w, '0')

/**
 * A mainland ID. `bad: 'check'` gives a wrong check character; `bad: 'date'` an impossible
 * birth date (30 February, month 13, 29 February of a common year) with a right checksum.
 */
export function cnId(rng: Rng, bad: 'check' | 'date' | null = null): string {
  const area = rng.pick(AREAS)
  let date: string
  if (bad === 'date') {
    const y = rng.int(1950, 2005)
    date = rng.pick([`${y}0230`, `${y}1315`, `${y - (y % 4) + 1}0229`, `${y}0431`, `${y}0000`])
  } else {
    const d = new Date(Date.UTC(rng.int(1935, 2008), rng.int(0, 11), rng.int(1, 28)))
    date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`
  }
  const s17 = area + date + rng.digits(3)
  let check = cnCheck(s17)
  if (bad === 'check') check = rng.pick([...'0123456789X'].filter((c) => c !== check))
  if (check === 'X' && rng.chance(0.2)) check = 'x'
  return s17 + check
}

/** `body` and the Luhn check digit that completes it. */
export function luhnComplete(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return body + String((10 - (sum % 10)) % 10)
}

/** A card number of a real scheme, contiguous or grouped; `valid: false` breaks the Luhn digit. */
export function card(rng: Rng, valid: boolean): string {
  const scheme = rng.pick([
    ['4', 16],
    ['4', 16],
    ['51', 16],
    ['55', 16],
    ['2221', 16],
    ['34', 15],
    ['37', 15],
    ['62', 16],
    ['62', 19],
    ['3530', 16],
    ['6011', 16],
  ] as const)
  const [prefix, length] = scheme
  let n = luhnComplete(prefix + rng.digits(length - prefix.length - 1))
  if (!valid) n = n.slice(0, -1) + String((Number(n.slice(-1)) + rng.int(1, 9)) % 10)
  const sep = rng.pick(['', ' ', '-'])
  if (sep === '') return n
  if (length === 15) return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep)
  return n.match(/.{1,4}/g)!.join(sep)
}

/**
 * A national number valid in `region` for Google's libphonenumber (the independent judge, not
 * the detector's library): HK 2/3/5/6/9, Macau 6x/28x, mainland mobiles 13-19.
 */
export function validNational(rng: Rng, region: 'HK' | 'MO' | 'CN'): string {
  for (;;) {
    const n =
      region === 'HK'
        ? rng.pick(['2', '3', '5', '6', '9']) + rng.digits(7)
        : region === 'MO'
          ? rng.pick(['62', '63', '65', '66', '68', '28']) + rng.digits(6)
          : `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9)}`
    if (phoneE164(n, region) && !(region === 'HK' && /^(19|20)/.test(n))) return n
  }
}

/** A phone number with a country code, in one of the ways people write it. */
export function phoneWithCode(rng: Rng, region: 'HK' | 'MO' | 'CN'): string {
  const n = validNational(rng, region)
  const code = { HK: '852', MO: '853', CN: '86' }[region]
  const national =
    region === 'CN'
      ? rng.pick([
          n,
          `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
          `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
        ])
      : rng.pick([n, `${n.slice(0, 4)} ${n.slice(4)}`, `${n.slice(0, 4)}-${n.slice(4)}`])
  return rng.pick([
    `+${code} ${national}`,
    `+${code}-${national}`,
    `(${code}) ${national}`,
    `+${code}${national}`,
    `00${code} ${national}`,
    `(+${code}) ${national}`,
  ])
}

/** A phone written without a country code: `9123 4567`, `9123-4567`, `138 0013 8000`, `13800138000`. */
export function phoneBare(rng: Rng, region: 'HK' | 'CN'): string {
  const n = validNational(rng, region)
  if (region === 'CN')
    return rng.pick([
      n,
      `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
      `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
    ])
  return rng.pick([`${n.slice(0, 4)} ${n.slice(4)}`, `${n.slice(0, 4)}-${n.slice(4)}`])
}

/** Eight digits with nothing between them (only a phone when a phone word is just before). */
export function phoneContiguousHk(rng: Rng): string {
  return validNational(rng, 'HK')
}

const GIVEN = ['tm.chan', 'amy.wong', 'kelvin_lee', 'mary', 'j.ho', 'siu-ming', 'lawrence.cheung88', 'info', 'hr']
const DOMAINS = ['example.com', 'example.com.hk', 'lawfirm.hk', 'mail.example.org', 'example.mo', 'corp.example.cn']

/** An email address. */
export function email(rng: Rng): string {
  return `${rng.pick(GIVEN)}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(DOMAINS)}`
}

/** Numbers that only look like IDs, cards or phones; none is a finding. */
export function lookAlike(rng: Rng): string {
  const y = rng.int(2019, 2026)
  const md = `${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}`
  const kinds: Array<() => string> = [
    () => `ORD-${y}${md}${rng.digits(5)}`,
    () => `PO#${rng.digits(8)}`,
    () =>
      `${y}-${md.slice(0, 2)}-${md.slice(2)} ${pad(rng.int(0, 23), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}`,
    () => `${y}${md}`,
    () => `${y}${md}${pad(rng.int(0, 23), 2)}${pad(rng.int(0, 59), 2)}${pad(rng.int(0, 59), 2)}`,
    () => `17${rng.digits(11)}`,
    () => `17${rng.digits(8)}`,
    () => `${rng.digits(3)}-${rng.digits(6)}-${rng.digits(3)}`,
    () => `${rng.int(1, 9)}${rng.digits(rng.int(19, 24))}`,
    () => `HK$${rng.int(1, 999)},${rng.digits(3)},${rng.digits(3)}.${rng.digits(2)}`,
    () => `HCA ${rng.int(100, 9999)}/${y}`,
    () => `v${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 99)}`,
    () => `${rng.digits(4)} ${rng.digits(3)}`,
    () => `+852 1${rng.digits(3)} ${rng.digits(4)}`,
    () => `INV/${y}/${rng.digits(6)}`,
    () => `${rng.int(1, 9)}${rng.digits(3)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)}`,
  ]
  return rng.pick(kinds)()
}
