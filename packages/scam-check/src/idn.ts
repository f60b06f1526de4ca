import { hasLookalikeLetters, mixesScripts } from './confusables'

const HAN = /^\p{Script=Han}+$/u
/** ASCII country codes whose registries sell Chinese-script names (`中文.hk`). */
const CHINESE_CC = new Set(['hk', 'mo', 'cn', 'tw'])

/**
 * True when a host's internationalised labels deserve the `punycode` note: any non-ASCII label,
 * except names written wholly in Chinese characters under a Chinese-script top-level domain
 * (`政府.香港`, `www.政府.香港`) or a Chinese-speaking country code (`中文.hk`). Those are the
 * ordinary way to write such names; a label that mixes scripts or holds letters passing for
 * Latin ones is never excused.
 *
 * @param unicodeLabels the host's labels with punycode decoded
 */
export function noteworthyIdn(asciiLabels: readonly string[], unicodeLabels: readonly string[]): boolean {
  if (!asciiLabels.some((l) => l.startsWith('xn--'))) return false
  const tld = unicodeLabels[unicodeLabels.length - 1] ?? ''
  const chineseTld = HAN.test(tld) || CHINESE_CC.has(tld)
  const foreign = unicodeLabels.filter((l) => /[^\x00-\x7f]/.test(l))
  return !chineseTld || foreign.some((l) => !HAN.test(l) || mixesScripts(l) || hasLookalikeLetters(l))
}
