import type { IdentifierKind } from './identifier'

/** A contact written as a link (`tel:` / `sms:` numbers, `mailto:` addresses) or as `Name <address>`. */
export interface ContactLink {
  /** What the link's scheme says it is. */
  kind: 'phone' | 'email'
  /** The number or address inside, percent-decoded, without parameters (`;ext=`, `?subject=`). */
  text: string
}

const LINK = /^(tel|sms|smsto|mms|mmsto|callto|mailto):(?:\/\/)?(.*)$/is
/** An address as mail clients show it: `DingTalk Support <kefu@example.com>`, `"陳大文" <a@b.hk>`. */
const NAMED_ADDRESS = /^(?:"[^"]*"|[^<>"]*)\s*<\s*(?:mailto:)?([^<>\s@]+@[^<>\s]+)\s*>$/i

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * Read a `tel:`, `sms:`, `smsto:`, `callto:` or `mailto:` link, or a mail address with a display
 * name (`Name <address>`), as the contact inside it. Null for any other text (web links such as
 * `wa.me/852…` stay web addresses).
 *
 * @example contactLink('tel:+852%2091234567') // { kind: 'phone', text: '+852 91234567' }
 */
export function contactLink(raw: string): ContactLink | null {
  const text = raw.normalize('NFKC').trim()
  const named = NAMED_ADDRESS.exec(text)
  if (named) return { kind: 'email', text: named[1]! }
  const m = LINK.exec(text)
  if (!m) return null
  const scheme = m[1]!.toLowerCase()
  const rest = m[2] ?? ''
  // mailto: may list several recipients and carry headers; the first recipient is the contact.
  if (scheme === 'mailto') return { kind: 'email', text: decode(rest.split('?', 1)[0]!.split(',', 1)[0]!).trim() }
  return { kind: 'phone', text: decode(rest.split(/[;?]/, 1)[0]!).trim() }
}

/**
 * The kind and text to check: a contact link is read as what it is, unless the kind picked can
 * hold it already (a payment id may be a phone or an email). Other text is left as it is.
 */
export function unwrapContact(raw: string, kind: IdentifierKind): { kind: IdentifierKind; text: string } {
  const link = contactLink(raw)
  if (!link) return { kind, text: raw }
  return { kind: kind === 'payment' ? 'payment' : link.kind, text: link.text }
}
