import { parse as parseDomain } from 'tldts'
import { BRAND_ALIASES } from './brands'
import { mixesScripts, skeleton } from './confusables'
import { noteworthyIdn } from './idn'
import { editDistance } from './edit-distance'
import { findName, loose } from './names'
import type { Reason } from './reasons'
import { isNearMiss } from './typo'
import { isSameOrSubdomain, toUnicodeHost, type ParsedUrl } from './url'

/** A name we protect: its registrable domain, the label people recognise, and its other names. */
interface Protected {
  domain: string
  label: string
  skeleton: string
  loose: string
  aliases: string[]
}

/** Protected names per domain list and alias table: the lists change rarely, checks run per keystroke. */
const cache = new WeakMap<object, Map<string, Protected[]>>()

function protectedOf(domains: readonly string[], aliases: Readonly<Record<string, readonly string[]>>): Protected[] {
  let byDomains = cache.get(aliases)
  if (!byDomains) cache.set(aliases, (byDomains = new Map()))
  const key = domains.join('\n')
  let hit = byDomains.get(key)
  if (!hit) {
    if (byDomains.size > 20) byDomains.clear()
    byDomains.set(key, (hit = computeProtected(domains, aliases)))
  }
  return hit
}

function computeProtected(
  domains: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>>,
): Protected[] {
  const out: Protected[] = []
  for (const raw of domains) {
    const d = parseDomain(raw.toLowerCase(), { allowPrivateDomains: false })
    // Very short labels ("qq") would match half the internet.
    if (
      d.domain &&
      d.domainWithoutSuffix &&
      d.domainWithoutSuffix.length >= 4 &&
      !out.some((p) => p.domain === d.domain)
    ) {
      const l = d.domainWithoutSuffix
      out.push({
        domain: d.domain,
        label: l,
        skeleton: skeleton(l),
        loose: loose(l),
        aliases: (aliases[d.domain] ?? []).map(loose),
      })
    }
  }
  return out
}

/**
 * The protected names as {@link markDeceptive} looks for them: every protected label and every
 * alias, as read ({@link skeleton}).
 */
export function imitatedNames(
  official: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = BRAND_ALIASES,
): string[] {
  return protectedOf(official, aliases).flatMap((p) => [p.skeleton, ...(aliases[p.domain] ?? []).map(skeleton)])
}

type HostParts = Pick<
  ParsedUrl,
  'host' | 'typedHost' | 'isIp' | 'label' | 'subdomain' | 'registrableDomain' | 'publicSuffix'
>

/**
 * Findings about one host: IP literals, punycode (except Chinese-script names under a Chinese
 * top-level domain, such as `政府.香港`) and mixed scripts, and imitations of the `official`
 * domains: homoglyphs, small edits (one edit, or two easy-to-miss ones in a long name), the
 * name in a subdomain, embedded in another name or split by hyphens or dots (`ding-talk`),
 * another name of the brand (`dingding`, `钉钉`), the same name under another suffix. A host
 * that is an official domain or its subdomain gets no imitation findings.
 */
export function hostReasons(
  u: HostParts,
  official: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = BRAND_ALIASES,
): Reason[] {
  const reasons: Reason[] = []
  if (u.isIp) {
    reasons.push({ code: 'ip_host', detail: u.host })
    if (u.typedHost.toLowerCase() !== u.host) reasons.push({ code: 'obfuscated_ip', detail: u.typedHost })
    return reasons
  }
  const asciiLabels = u.host.split('.')
  const unicodeLabels = asciiLabels.map((l) => toUnicodeHost(l))
  if (noteworthyIdn(asciiLabels, unicodeLabels)) reasons.push({ code: 'punycode', detail: unicodeLabels.join('.') })
  if (unicodeLabels.some((l) => mixesScripts(l)))
    reasons.push({ code: 'mixed_script', detail: unicodeLabels.join('.') })

  if (official.some((d) => isSameOrSubdomain(u.host, d))) return reasons
  // The typed host keeps capitals; fall back to the decoded one when the labels do not line up.
  const typedLabels = u.typedHost.split(/[.。．｡]/)
  const aligned = typedLabels.length === asciiLabels.length
  const suffixLength = u.publicSuffix?.split('.').length ?? 1
  const labelIndex = asciiLabels.length - suffixLength - 1
  // Each label left of the public suffix, as typed and as decoded, and as read.
  const named = unicodeLabels.slice(0, Math.max(labelIndex + 1, 0)).map((l, i) => {
    const typed = aligned ? (typedLabels[i] ?? l) : l
    const seen = [skeleton(typed), skeleton(l)]
    return { unicode: l, typed, seen, loose: seen.map((x) => x.replace(/i/g, 'l')) }
  })
  type Named = (typeof named)[number]
  const detail = toUnicodeHost(u.registrableDomain ?? u.host)
  const hostText = named.map((l) => l.loose[0]).join('.')
  const hostTextDecoded = named.map((l) => l.loose[1]).join('.')
  const main = u.label && named[labelIndex] ? named[labelIndex] : null
  const subs = named.slice(0, Math.max(labelIndex, 0))

  for (const p of protectedOf(official, aliases)) {
    const found = (code: Reason['code'], d = detail) => reasons.push({ code, target: p.domain, detail: d })
    const before = reasons.length
    if (main) {
      const hits = main.loose.map((s) => findName(s, p.loose))
      if (u.label === p.label) {
        if (u.registrableDomain !== p.domain) found('lookalike', u.registrableDomain ?? '')
      } else if (main.seen.includes(p.skeleton)) found('homoglyph')
      else if (hits.includes('split')) found('brand_split')
      else if (isNearMiss(u.label!, p.label) || main.seen.some((s) => isNearMiss(s, p.skeleton)))
        found('lookalike', String(distanceTo([u.label!, ...main.seen], p)))
      else if (hits.includes('whole')) found('official_name_embedded')
    }
    const imitated = (l: Named) =>
      l.loose.some((s) => findName(s, p.loose) === 'whole') ||
      isNearMiss(l.unicode, p.label) ||
      isNearMiss(l.seen[0]!, p.skeleton)
    if (subs.some(imitated)) found('official_name_in_subdomain')
    // Split across labels (`ding.talk-hk.top`), when nothing else named this brand.
    if (reasons.length === before && findName(hostText, p.loose) === 'split') found('brand_split')
    if (p.aliases.some((a) => findName(hostText, a) || findName(hostTextDecoded, a))) found('brand_alias')
  }
  return reasons
}

/** The smallest edit distance of a label (as typed, or its skeletons) to the protected name, for display. */
function distanceTo(texts: readonly string[], p: Protected): number {
  return Math.min(...texts.map((t) => Math.min(editDistance(t, p.label, 3), editDistance(t, p.skeleton, 3))))
}
