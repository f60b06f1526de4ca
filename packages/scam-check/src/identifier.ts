import { contactLink, unwrapContact } from './links'
import { looksLikePhone, normalisePhone, type DefaultRegion } from './phone'
import { parseUrl, toUnicodeHost } from './url'

/** What kind of contact detail a report is about. */
export type IdentifierKind = 'phone' | 'url' | 'email' | 'account' | 'payment'

/** Every identifier kind, in the order the form offers them. */
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['phone', 'url', 'email', 'account', 'payment']

/**
 * An identifier in its one comparable form: phones in E.164, web addresses as their lower-case
 * ASCII host (without `www.`), emails lower-cased with an ASCII domain, accounts and payment ids
 * trimmed and lower-cased. Two reports about the same contact get the same `key`.
 */
export interface NormalisedIdentifier {
  kind: IdentifierKind
  value: string
  /** What to show people: `+852 9123 4567`, the decoded host, the email. */
  display: string
  /** `kind:value`, the grouping key of the triage queue. */
  key: string
}

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/

/**
 * Guess what a typed text is: an email, a web address, a phone number, else an account name.
 * `tel:` / `sms:` links are phones and `mailto:` links emails. Used while the user types,
 * before they pick a kind.
 */
export function detectKind(raw: string): IdentifierKind {
  const link = contactLink(raw)
  if (link) return link.kind
  const s = raw.normalize('NFKC').trim()
  if (EMAIL.test(s) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return 'email'
  if (/^\d{1,3}(\.\d{1,3}){3}(?:[:/?#]|$)/.test(s)) return 'url'
  if (looksLikePhone(s)) return 'phone'
  if (parseUrl(s)) return 'url'
  return 'account'
}

const make = (kind: IdentifierKind, value: string, display: string): NormalisedIdentifier => ({
  kind,
  value,
  display,
  key: `${kind}:${value}`,
})

/** The lower-case ASCII host of a web address or an email domain, without a leading `www.`. */
function hostKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '')
}

/**
 * Normalise `raw` as `kind` (guessed when omitted). A `tel:`, `sms:` or `mailto:` link is read as
 * the phone or email inside it, whatever kind was picked (a payment id stays a payment id).
 * Returns null when the text cannot be that kind (a phone that is no number, a URL that does not
 * parse); the caller keeps the raw text.
 */
export function normaliseIdentifier(
  raw: string,
  chosen: IdentifierKind = detectKind(raw),
  defaultRegion: DefaultRegion = 'HK',
): NormalisedIdentifier | null {
  const { kind, text: unwrapped } = unwrapContact(raw, chosen)
  const text = unwrapped.trim()
  if (!text) return null
  switch (kind) {
    case 'phone': {
      const p = normalisePhone(text, defaultRegion)
      return p.ok ? make('phone', p.e164, p.display) : null
    }
    case 'url': {
      const u = parseUrl(text)
      return u ? make('url', hostKey(u.host), `${u.unicodeHost}${u.rest}`) : null
    }
    case 'email': {
      const m = EMAIL.exec(text.normalize('NFKC'))
      if (!m) return null
      const u = parseUrl(m[1]!)
      if (!u) return null
      const local = text.slice(0, text.lastIndexOf('@')).toLowerCase()
      return make('email', `${local}@${u.host}`, `${local}@${toUnicodeHost(u.host)}`)
    }
    case 'payment': {
      // An FPS id may be a phone number or an email; keep those in their own normal form.
      if (looksLikePhone(text)) {
        const p = normalisePhone(text, defaultRegion)
        if (p.ok) return make('payment', p.e164, p.display)
      }
      const v = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
      return make('payment', v, v)
    }
    case 'account': {
      const v = text.normalize('NFKC').replace(/\s+/g, ' ').replace(/^@/, '').toLowerCase()
      return make('account', v, text)
    }
  }
}
