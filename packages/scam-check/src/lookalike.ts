import { parse as parseDomain } from 'tldts'
import { mixesScripts, skeleton } from './confusables'
import { editDistance } from './edit-distance'
import type { Reason } from './reasons'
import { isSameOrSubdomain, toUnicodeHost, type ParsedUrl } from './url'

/** A name we protect: its registrable domain and the label people recognise. */
interface Protected { domain: string; label: string; skeleton: string }

function protectedOf(domains: readonly string[]): Protected[] {
  const out: Protected[] = []
  for (const raw of domains) {
    const d = parseDomain(raw.toLowerCase(), { allowPrivateDomains: false })
    // Very short labels ("qq") would match half the internet.
    if (d.domain && d.domainWithoutSuffix && d.domainWithoutSuffix.length >= 4 && !out.some((p) => p.domain === d.domain)) {
      out.push({ domain: d.domain, label: d.domainWithoutSuffix, skeleton: skeleton(d.domainWithoutSuffix) })
    }
  }
  return out
}

/** Edit distance allowed for a label of this length to count as a lookalike. */
const allowedDistance = (len: number) => (len >= 6 ? 2 : 1)

/**
 * Findings about one host: IP literals, punycode and mixed scripts, and imitations of the
 * `official` domains (homoglyphs, small edits, the name in a subdomain or embedded in another
 * name, the same name under another suffix). A host that is an official domain or its
 * subdomain gets no imitation findings.
 */
export function hostReasons(u: Pick<ParsedUrl, 'host' | 'typedHost' | 'isIp' | 'label' | 'subdomain' | 'registrableDomain' | 'publicSuffix'>, official: readonly string[]): Reason[] {
  const reasons: Reason[] = []
  if (u.isIp) {
    reasons.push({ code: 'ip_host', detail: u.host })
    if (u.typedHost.toLowerCase() !== u.host) reasons.push({ code: 'obfuscated_ip', detail: u.typedHost })
    return reasons
  }
  const asciiLabels = u.host.split('.')
  const unicodeLabels = asciiLabels.map((l) => toUnicodeHost(l))
  if (asciiLabels.some((l) => l.startsWith('xn--'))) reasons.push({ code: 'punycode', detail: unicodeLabels.join('.') })
  if (unicodeLabels.some((l) => mixesScripts(l))) reasons.push({ code: 'mixed_script', detail: unicodeLabels.join('.') })

  if (!u.label || official.some((d) => isSameOrSubdomain(u.host, d))) return reasons
  // The typed host keeps capitals; fall back to the decoded one when the labels do not line up.
  const typedLabels = u.typedHost.split(/[.。．｡]/)
  const labelIndex = asciiLabels.length - (u.publicSuffix?.split('.').length ?? 1) - 1
  const typedLabel = typedLabels.length === asciiLabels.length ? typedLabels[labelIndex] ?? '' : ''
  const unicodeLabel = unicodeLabels[labelIndex] ?? u.label
  const subLabels = u.subdomain ? unicodeLabels.slice(0, labelIndex).map((l, i) => ({ unicode: l, typed: typedLabels.length === asciiLabels.length ? typedLabels[i] ?? l : l })) : []

  for (const p of protectedOf(official)) {
    const seen = [skeleton(typedLabel), skeleton(unicodeLabel)]
    if (u.label === p.label) {
      if (u.registrableDomain !== p.domain) reasons.push({ code: 'lookalike', target: p.domain, detail: u.registrableDomain ?? '' })
    } else if (seen.includes(p.skeleton)) {
      reasons.push({ code: 'homoglyph', target: p.domain, detail: toUnicodeHost(u.registrableDomain ?? u.host) })
    } else {
      const distance = editDistance(u.label, p.label, 2)
      if (distance <= allowedDistance(p.label.length)) reasons.push({ code: 'lookalike', target: p.domain, detail: String(distance) })
      else if (seen.some((s) => s.includes(p.skeleton))) reasons.push({ code: 'official_name_embedded', target: p.domain, detail: toUnicodeHost(u.registrableDomain ?? u.host) })
    }
    const imitated = (l: { unicode: string; typed: string }) => [skeleton(l.typed), skeleton(l.unicode)].some((s) => s.includes(p.skeleton))
      || editDistance(l.unicode, p.label, 2) <= allowedDistance(p.label.length)
    if (subLabels.some(imitated)) reasons.push({ code: 'official_name_in_subdomain', target: p.domain, detail: toUnicodeHost(u.registrableDomain ?? u.host) })
  }
  return reasons
}
