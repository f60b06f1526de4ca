// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- punycode.js ships no types, and the declaration must reach every program that compiles this file
/// <reference path="./punycode-js.d.ts" />
import punycode from 'punycode.js'
import { parse as parseDomain } from 'tldts'

/** A web address taken apart for checking. */
export interface ParsedUrl {
  /** The text as given, trimmed. */
  input: string
  /** False when the text had no `scheme://` (e.g. `dingtalk.com/help`). */
  schemeGiven: boolean
  /** `http:` or `https:` (`https:` assumed when no scheme was given). */
  protocol: string
  /** Host as the browser would use it: lower case, punycode (`xn--`) for non-ASCII labels. */
  host: string
  /** The host with punycode decoded, as a reader should see it. */
  unicodeHost: string
  /** The host exactly as typed (case kept), to catch a capital `I` posing as `l`. */
  typedHost: string
  /** IPv4 or IPv6 literal instead of a name. */
  isIp: boolean
  /** The name a registrar sold (`support-hk.top` of `dingtalk.com.support-hk.top`), public-suffix aware. */
  registrableDomain: string | null
  /** The registrable domain without its public suffix (`support-hk`). */
  label: string | null
  /** Labels left of the registrable domain (`dingtalk.com`). */
  subdomain: string
  publicSuffix: string | null
  /** A `user:password@` part, used to make `https://dingtalk.com@evil.top` look official. */
  hasCredentials: boolean
  /** Path, query and fragment, for display. */
  rest: string
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

/** Decode `xn--` labels for display; leaves a label that is not valid punycode as it is. */
export function toUnicodeHost(host: string): string {
  try {
    return punycode.toUnicode(host)
  } catch {
    return host
  }
}

/** The host part of a URL-ish text as typed, without credentials or port. */
function typedHostOf(text: string): string {
  const noScheme = text.replace(SCHEME, '').replace(/^\/\//, '')
  const authority = noScheme.split(/[/?#]/, 1)[0] ?? ''
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1)
  return hostPort.startsWith('[')
    ? hostPort.slice(0, hostPort.indexOf(']') + 1)
    : hostPort.replace(/:\d*$/, '').replace(/[.。．｡]$/, '')
}

/**
 * Parse a web address with the WHATWG URL parser (the browser's own rules: IDNA mapping,
 * IPv4 in decimal or hex, credentials), then split the host on the public suffix list.
 * Text without a scheme is read as a host name. Returns null for text that is no web address.
 *
 * @example parseUrl('http://dingtalk.com.support-hk.top/login')?.registrableDomain // 'support-hk.top'
 */
export function parseUrl(raw: string): ParsedUrl | null {
  const input = raw.trim()
  if (!input || /\s/.test(input)) return null
  const scheme = SCHEME.exec(input)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https') return null
  let url: URL
  try {
    url = new URL(scheme ? input : `https://${input.replace(/^\/\//, '')}`)
  } catch {
    return null
  }
  const host = url.hostname.replace(/\.$/, '')
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
  if (!isIp && !host.includes('.')) return null
  const d = isIp ? null : parseDomain(host, { allowPrivateDomains: false })
  return {
    input,
    schemeGiven: Boolean(scheme),
    protocol: url.protocol,
    host,
    unicodeHost: isIp ? host : toUnicodeHost(host),
    typedHost: typedHostOf(input),
    isIp,
    registrableDomain: d?.domain ?? null,
    label: d?.domainWithoutSuffix ?? null,
    subdomain: d?.subdomain ?? '',
    publicSuffix: d?.publicSuffix ?? null,
    hasCredentials: Boolean(url.username || url.password),
    rest: `${url.pathname === '/' ? '' : url.pathname}${url.search}${url.hash}`,
  }
}

/** True when `host` is `domain` itself or one of its subdomains. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '')
  const d = domain.toLowerCase().replace(/\.$/, '')
  return h === d || h.endsWith(`.${d}`)
}
