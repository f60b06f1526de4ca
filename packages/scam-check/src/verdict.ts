import { BRAND_ALIASES, BRAND_DOMAINS } from './brands'
import { normaliseIdentifier, detectKind, type IdentifierKind, type NormalisedIdentifier } from './identifier'
import { unwrapContact } from './links'
import { hostReasons, imitatedNames } from './lookalike'
import { markDeceptive, markHost, type MarkedPart } from './marks'
import { normalisePhone, type DefaultRegion } from './phone'
import type { Reason } from './reasons'
import { shortenerOf } from './shorteners'
import { markTyped, type MarkedText } from './typed'
import { parseUrl, type ParsedUrl } from './url'

/** What the check concludes. `no_record` means "we know nothing", never "safe". */
export type Verdict = 'official' | 'known_scam' | 'suspicious' | 'no_record'

/** Every verdict, strongest warning first. */
export const VERDICTS: readonly Verdict[] = ['known_scam', 'suspicious', 'no_record', 'official']

/** One entry of the firm's official-channel registry or of the known-scam list, already normalised. */
export interface ListedIdentifier {
  kind: IdentifierKind
  /** As {@link normaliseIdentifier} would produce it; for `url`, a host (matches its subdomains too). */
  value: string
  /** What the registry calls it ("DingTalk official site"). */
  label?: string
}

/** The lists a check consults. */
export interface CheckLists {
  /** The firm's official channels (the registry). */
  official: readonly ListedIdentifier[]
  /** Confirmed reports and imported scam lists. */
  knownScams: readonly ListedIdentifier[]
}

/** Options of {@link checkIdentifier}. */
export interface CheckOptions {
  /** The kind the user picked; guessed from the text when omitted. A `tel:` / `sms:` / `mailto:` link is read as what it is. */
  kind?: IdentifierKind
  /** Region of a number written without a country code. */
  defaultRegion?: DefaultRegion
  /** The contact claimed to be DingTalk customer service (which has no phone line in Hong Kong). */
  claimsDingTalk?: boolean
  /** The contact claimed to speak for an organisation (a bank, IT, DingTalk, a government office). */
  claimsOrganisation?: boolean
  /** Names always protected from imitation, registry or not. Defaults to {@link BRAND_DOMAINS}. */
  brandDomains?: readonly string[]
  /** Other names of protected domains (Chinese name, pinyin). Defaults to {@link BRAND_ALIASES}. */
  brandAliases?: Readonly<Record<string, readonly string[]>>
}

/** What the check found. */
export interface CheckResult {
  verdict: Verdict
  /** The kind checked: the one picked, except that a `tel:` / `sms:` / `mailto:` link is read as what it is. */
  kind: IdentifierKind
  /** Null when the text could not be read as `kind` (then `reasons` says why when it can). */
  identifier: NormalisedIdentifier | null
  reasons: Reason[]
  /** The registry or scam-list entry that decided the verdict. */
  match: ListedIdentifier | null
  /** Where to look the contact up independently. Always present: no record here is not "safe". */
  scameterUrl: string
  /**
   * The web or mail host exactly as typed, with the characters posing as others marked (the
   * capital `I` of `dingtaIk.com` that lower-casing erases). Null when nothing deceives.
   */
  marked: MarkedPart[] | null
  /**
   * The text exactly as typed (trimmed), with its deceptive characters located: what the reader
   * should be shown. When the host holds `xn--` labels, those labels are the marks here and the
   * decoded characters are marked in `decoded`.
   */
  typed: MarkedText
  /** The typed text with its `xn--` labels decoded and the deceptive characters located; null without punycode. */
  decoded: MarkedText | null
}

/**
 * HK Police CyberDefender's Scameter. It has no public API; people search it themselves, so
 * we only link to it.
 */
export const SCAMETER_URL = 'https://cyberdefender.hk/en-us/scameter/'

/** Free webmail providers: an "official" sender there is not official. */
const FREE_MAIL = new Set([
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'yahoo.com.hk',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'icloud.com',
  'proton.me',
  'protonmail.com',
])

/** Lists indexed by `kind:value`, built once per list (the lists change rarely, checks run per keystroke). */
const indexes = new WeakMap<readonly ListedIdentifier[], Map<string, ListedIdentifier>>()
function indexOf(list: readonly ListedIdentifier[]): Map<string, ListedIdentifier> {
  let index = indexes.get(list)
  if (!index) {
    index = new Map()
    for (const e of list) if (!index.has(`${e.kind}:${e.value}`)) index.set(`${e.kind}:${e.value}`, e)
    indexes.set(list, index)
  }
  return index
}

/** The entry of `host` or of one of its parent domains, if listed as a `url`. */
function hostEntry(index: Map<string, ListedIdentifier>, host: string): ListedIdentifier | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.')
  for (let i = 0; i < labels.length - 1; i++) {
    const hit = index.get(`url:${labels.slice(i).join('.')}`)
    if (hit) return hit
  }
  return null
}

function matches(id: NormalisedIdentifier, list: readonly ListedIdentifier[]): ListedIdentifier | null {
  const index = indexOf(list)
  if (id.kind === 'url') return hostEntry(index, id.value)
  const exact = index.get(id.key)
  if (exact) return exact
  if (id.kind === 'email') return hostEntry(index, id.value.slice(id.value.lastIndexOf('@') + 1))
  // A payment id that is a phone number is the same contact as that phone.
  if (id.kind === 'payment') return index.get(`phone:${id.value}`) ?? null
  return null
}

/**
 * Check a contact detail the way the report form does while the user types: normalise it,
 * run the heuristics, and look it up in the registry and the known-scam list. Pure and
 * synchronous, so it runs on every keystroke and offline, and the server reaches the same verdict.
 *
 * @example checkIdentifier('http://dingtaIk.com/verify', lists).verdict // 'suspicious'
 */
export function checkIdentifier(raw: string, lists: CheckLists, options: CheckOptions = {}): CheckResult {
  const { kind, text } = unwrapContact(raw, options.kind ?? detectKind(raw))
  const identifier = normaliseIdentifier(text, kind, options.defaultRegion)
  const reasons: Reason[] = []
  const officialDomains = [
    ...(options.brandDomains ?? BRAND_DOMAINS),
    ...lists.official.filter((e) => e.kind === 'url').map((e) => e.value),
  ]
  const aliases = options.brandAliases ?? BRAND_ALIASES
  let host: ParsedUrl | null = null

  if (kind === 'url') {
    host = parseUrl(text)
    if (host) {
      if (host.schemeGiven && host.protocol === 'http:') reasons.push({ code: 'plain_http' })
      if (host.hasCredentials) reasons.push({ code: 'credentials_in_url', detail: host.unicodeHost })
      if (shortenerOf(host.host)) reasons.push({ code: 'shortener', detail: host.host.replace(/^www\./, '') })
      reasons.push(...hostReasons(host, officialDomains, aliases))
    }
  } else if (kind === 'email' && identifier) {
    const domain = identifier.value.slice(identifier.value.lastIndexOf('@') + 1)
    host = parseUrl(text.trim().slice(text.trim().lastIndexOf('@') + 1))
    if (host) reasons.push(...hostReasons(host, officialDomains, aliases))
    if (FREE_MAIL.has(domain) && (options.claimsOrganisation || options.claimsDingTalk))
      reasons.push({ code: 'free_mail', detail: domain })
  } else if (kind === 'phone') {
    const p = normalisePhone(text, options.defaultRegion)
    if (!p.ok) reasons.push({ code: 'invalid_number', ...(p.region ? { detail: p.region } : {}) })
    else if (p.region === 'other') reasons.push({ code: 'overseas_number', detail: p.e164 })
    if (options.claimsDingTalk) reasons.push({ code: 'no_phone_support' })
  }

  const names = imitatedNames(officialDomains, aliases)
  const marked = host && !host.isIp ? markDeceptive(host.typedHost, names) : null
  const located =
    host && !host.isIp
      ? markTyped(raw.trim(), host.typedHost, markHost(host.typedHost, names), host.publicSuffix, reasons)
      : { typed: { text: raw.trim(), marks: [] }, decoded: null, reasons }
  const base = { kind, identifier, scameterUrl: SCAMETER_URL, marked, typed: located.typed, decoded: located.decoded }
  const scam = identifier ? matches(identifier, lists.knownScams) : null
  if (scam) return { ...base, verdict: 'known_scam', reasons: located.reasons, match: scam }
  const official = identifier ? matches(identifier, lists.official) : null
  // A registry entry vouches for the contact; the only caveats kept are about the connection.
  if (official)
    return {
      ...base,
      verdict: 'official',
      reasons: located.reasons.filter((r) => r.code === 'plain_http' || r.code === 'credentials_in_url'),
      match: official,
      marked: null,
      typed: { text: located.typed.text, marks: [] },
    }
  return {
    ...base,
    verdict: located.reasons.length ? 'suspicious' : 'no_record',
    reasons: located.reasons,
    match: null,
  }
}
