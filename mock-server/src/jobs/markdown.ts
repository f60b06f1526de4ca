import { parse as parseHost } from 'tldts'

/** Characters that start markdown structure anywhere in a line: emphasis, code, links, tables, HTML. */
const INLINE = /[\\`*_[\]|~!]/g
/** What makes a line a heading, a quote, a list item or a rule when it starts the line. */
const LINE_START = /^(\s*)([#>+\-=]|\d+[.)])/
/** A link with a scheme, or one starting `www.`. */
const SCHEMED = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s<>"'）】」]*/gi
/** A bare host name: labels joined by dots (any script, as internationalised names are). */
const HOSTISH =
  /(?<![\p{L}\p{N}._-])[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+(?![\p{L}\p{N}-])/gu

/** `evil.example` -> `evil[.]example`, `https://` -> `hxxps://`: shown as written, never a link. */
function defang(s: string): string {
  return s
    .replace(/^([a-z][a-z0-9+.-]*):\/\//i, (_, scheme: string) => `${scheme.replace(/t/gi, 'x')}://`)
    .replace(/\./g, '[.]')
}

/** True when `token` would be taken for a web address: its last label is a real top-level domain. */
function isHostName(token: string): boolean {
  const p = parseHost(token, { allowPrivateDomains: false })
  return !!p.domain && p.isIcann === true
}

/**
 * Text from people (a comment, a document title, a case name) made safe for a DingTalk work
 * notification's markdown: it reads the same, but cannot become a link, an image, a heading or
 * HTML. Web addresses are defanged (`hxxps://evil[.]example`) because DingTalk turns bare
 * addresses into links by itself; HTML is escaped as entities; markdown punctuation is escaped.
 */
export function escapeMarkdown(text: string): string {
  const out = text
    .replace(/\r\n?/g, '\n')
    .replace(SCHEMED, (m) => defang(m))
    .replace(HOSTISH, (m) => (isHostName(m) ? defang(m) : m))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, (c) => `\\${c}`)
  return out
    .split('\n')
    .map((line) => line.replace(LINE_START, (_, sp: string, mark: string) => `${sp}\\${mark}`))
    .join('\n')
}

/** Line breaks (and the space around them) folded into one space: a title stays one line. */
export function foldLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}

/** A one-line heading or title: line breaks folded, then escaped like any text. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(foldLine(text))
}
