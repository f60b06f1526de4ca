/**
 * Link shorteners: a short link hides where it goes, so a contact that sends one is never
 * "no record". Public services only; subdomains count too (`preview.tinyurl.com`).
 */
export const SHORTENER_DOMAINS: ReadonlySet<string> = new Set([
  // International
  'bit.ly',
  'bitly.com',
  'j.mp',
  't.co',
  'tinyurl.com',
  'goo.gl',
  'is.gd',
  'v.gd',
  'ow.ly',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  's.id',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  'bit.do',
  't.ly',
  'cli.re',
  'x.gd',
  'tr.im',
  'shorte.st',
  'adf.ly',
  'ouo.io',
  'bl.ink',
  'short.gy',
  'tiny.one',
  'shorturl.com',
  'u.nu',
  'qr.net',
  'clck.ru',
  'soo.gd',
  'lnkd.in',
  'db.tt',
  'mcaf.ee',
  'snip.ly',
  'urlz.fr',
  'tny.im',
  'tinu.be',
  'shrtco.de',
  '9qr.de',
  'surl.li',
  'gg.gg',
  'qrco.de',
  'dub.sh',
  'urlr.me',
  'shorturl.asia',
  // Mainland China
  't.cn',
  'url.cn',
  'dwz.cn',
  'suo.im',
  'sohu.gg',
  'mrw.so',
  'kks.me',
  '985.so',
  'dwz.mk',
  // Taiwan and Hong Kong favourites
  'reurl.cc',
  'ppt.cc',
  'pse.is',
  'lihi.cc',
  'lihi1.cc',
  'lihi2.cc',
  'lihi.io',
  '0rz.tw',
  'myppt.cc',
  'risu.io',
])

/** Share links of one company that always land on that company's own site. */
const FIRST_PARTY = ['maps.app.goo.gl']

/**
 * The shortener a host belongs to, or null.
 *
 * @example shortenerOf('preview.tinyurl.com') // 'tinyurl.com'
 */
export function shortenerOf(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '')
  if (FIRST_PARTY.some((d) => h === d || h.endsWith(`.${d}`))) return null
  const labels = h.split('.')
  for (let i = 0; i < labels.length - 1; i++) {
    const d = labels.slice(i).join('.')
    if (SHORTENER_DOMAINS.has(d)) return d
  }
  return null
}
