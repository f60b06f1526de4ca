import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/** Where a normalised number belongs; `other` is any valid number outside Hong Kong, Macau and the mainland. */
export type PhoneRegion = 'HK' | 'MO' | 'CN' | 'other'

/** Region assumed for a number written without a country code. */
export type DefaultRegion = 'HK' | 'MO' | 'CN'

/** A number in E.164 (`+85291234567`) with its region and a readable form. */
export interface NormalisedPhone {
  ok: true
  e164: string
  region: PhoneRegion
  /** International format for people, e.g. `+852 9123 4567`. */
  display: string
}

/** Why a text is not a phone number we can use. */
export interface PhoneProblem {
  ok: false
  reason: 'not_a_number' | 'invalid_for_region'
  /** The region whose rules the number broke, when one was recognised. */
  region?: DefaultRegion
}

/**
 * National number shapes, from the regulators' numbering plans (cross-checked with
 * libphonenumber's full metadata): Hong Kong 8 digits starting 2, 3, 5, 6, 7 or 9, the newer
 * mobile ranges 406/409/424/44/46/47 and 84, and 9-digit freephone 800 (81-83 "personal numbers"
 * and 900 premium lines are left out); Macau 8 digits starting 6, 28 or 811/82-85/87-89 (fixed
 * lines); mainland mobiles 1[3-9] + 9 digits, Beijing 10 + 8 digits, other fixed lines area
 * code + 7-8 digits, 400/800 service numbers.
 */
const NATIONAL: Record<DefaultRegion, RegExp> = {
  HK: /^(?:[235679]\d{7}|4(?:0[69]|24|[467]\d)\d{5}|84\d{6}|800\d{6})$/,
  MO: /^(?:(?:6\d|28)\d{6}|8(?:11|[2-57-9]\d)\d{5})$/,
  CN: /^(?:1[3-9]\d{9}|10\d{8}|[2-9]\d{9,10})$/,
}
/** Hong Kong's short service numbers people type as they are: emergency, 1823, the Anti-Scam Helpline. */
const HK_SHORT = new Set(['999', '992', '112', '1823', '18222'])
/** An extension after the number: `ext. 123`, `x123`, `#123`, `轉 123`, `內線 123`. */
const EXTENSION = /\s*(?:ext\.?|extension|x|#|轉|转|內線|内线|分機|分机)\s*\d{1,6}\s*$/i
const CALLING_CODE: Record<DefaultRegion, string> = { HK: '852', MO: '853', CN: '86' }

/** The region whose calling code starts `digits` with a well-formed national number after it. */
function knownRegionOf(digits: string): DefaultRegion | undefined {
  return (Object.keys(CALLING_CODE) as DefaultRegion[]).find(
    (r) => digits.startsWith(CALLING_CODE[r]) && NATIONAL[r].test(digits.slice(CALLING_CODE[r].length)),
  )
}

/** A label before the number (`Tel:`, `WhatsApp`, `電話：`) or a note after it (`(WhatsApp)`, `（手機）`). */
const LABEL_BEFORE =
  /^\s*(?:tel|phone|mobile|mob|cell|fax|whatsapp|wa|signal|telegram|wechat|line|電話|手機|手提|電話號碼|聯絡電話|电话|手机|电话号码|联系电话)\s*[:：.]?\s*/i
const NOTE_AFTER = /\s*[(（][^()（）\d]*[)）]\s*$/

/** The number alone: without a label, a note, or an extension. */
function bareNumber(raw: string): string {
  return raw.normalize('NFKC').replace(NOTE_AFTER, '').replace(EXTENSION, '').replace(LABEL_BEFORE, '')
}

/** Full-width digits and plus signs (common in Chinese text) become ASCII; separators go. */
function compact(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u00a0().\-‐‑‒–—/]/g, '')
}

/**
 * Put a number into E.164. Understands `+852 9123 4567`, `00852-9123-4567`, `852 91234567`,
 * bare local numbers (taken as `defaultRegion`, Hong Kong unless told otherwise), bare
 * mainland mobiles (`13812345678`), Hong Kong freephone (`800 933 933`) and short service numbers
 * (`18222`, kept as `+85218222`); a label (`Tel:`, `電話：`, `WhatsApp`), a note (`(WhatsApp)`)
 * and an extension (`ext. 12`, `轉 12`) are dropped. Hong Kong, Macau and mainland numbers must match their
 * numbering plans; other countries are accepted when libphonenumber-js finds them valid.
 *
 * @example normalisePhone('00853 6612 3456') // { ok: true, e164: '+85366123456', region: 'MO', ... }
 */
export function normalisePhone(raw: string, defaultRegion: DefaultRegion = 'HK'): NormalisedPhone | PhoneProblem {
  let s = compact(bareNumber(raw))
  if (defaultRegion === 'HK' && HK_SHORT.has(s)) return { ok: true, e164: `+852${s}`, region: 'HK', display: s }
  if (!/^\+?\d{5,17}$/.test(s)) return { ok: false, reason: 'not_a_number' }
  // International prefixes: "00" (Macau, the mainland, and how many in Hong Kong write it) and
  // Hong Kong's carrier prefixes "001" / "0080", tried where they lead to one of our regions.
  if (s.startsWith('00')) {
    const hk = ['001', '0080'].find((p) => s.startsWith(p) && knownRegionOf(s.slice(p.length)))
    s = `+${s.slice(hk ? hk.length : 2)}`
  }
  if (!s.startsWith('+')) {
    if (knownRegionOf(s)) s = `+${s}`
    else if (/^1[3-9]\d{9}$/.test(s)) s = `+86${s}`
    else if (defaultRegion === 'CN' && s.startsWith('0')) s = `+86${s.slice(1)}`
    else s = `+${CALLING_CODE[defaultRegion]}${s}`
  }
  const region = (Object.keys(CALLING_CODE) as DefaultRegion[]).find((r) => s.startsWith(`+${CALLING_CODE[r]}`))
  if (region) {
    const national = s.slice(CALLING_CODE[region].length + 1)
    if (!NATIONAL[region].test(national)) return { ok: false, reason: 'invalid_for_region', region }
    const parsed = parsePhoneNumberFromString(s)
    return { ok: true, e164: s, region, display: parsed?.formatInternational() ?? s }
  }
  const parsed = parsePhoneNumberFromString(s)
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'not_a_number' }
  return { ok: true, e164: parsed.number, region: 'other', display: parsed.formatInternational() }
}

/** True when `raw` is shaped like a phone number (digits with the usual separators, maybe a label, note or extension), before any validation. */
export function looksLikePhone(raw: string): boolean {
  const s = bareNumber(raw).trim()
  return /^\(?\+?[\d\s\u00a0().\-‐‑‒–—/]{5,24}$/.test(s) && (s.match(/\d/g)?.length ?? 0) >= 5
}
