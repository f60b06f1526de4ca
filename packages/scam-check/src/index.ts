/**
 * @suite/scam-check: the instant check of a suspicious "customer service" contact, shared by
 * the report form (on every keystroke, offline too) and the backend (which stores the verdict).
 * Pure TypeScript for browsers and Node.
 */
export {
  checkIdentifier,
  SCAMETER_URL,
  VERDICTS,
  type CheckLists,
  type CheckOptions,
  type CheckResult,
  type ListedIdentifier,
  type Verdict,
} from './verdict'
export { BRAND_DOMAINS, BRAND_ALIASES } from './brands'
export {
  normaliseIdentifier,
  detectKind,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  type NormalisedIdentifier,
} from './identifier'
export { contactLink, type ContactLink } from './links'
export {
  normalisePhone,
  looksLikePhone,
  type DefaultRegion,
  type NormalisedPhone,
  type PhoneProblem,
  type PhoneRegion,
} from './phone'
export { parseUrl, isSameOrSubdomain, toUnicodeHost, type ParsedUrl } from './url'
export { hostReasons } from './lookalike'
export { markDeceptive, markHost, type HostMark, type MarkedHost, type MarkedPart } from './marks'
export { charClassOf, type CharClass, type CharMark, type MarkedText } from './typed'
export { SHORTENER_DOMAINS, shortenerOf } from './shorteners'
export { skeleton, mixesScripts } from './confusables'
export { editDistance } from './edit-distance'
export { isNearMiss } from './typo'
export { REASON_CODES, type Reason, type ReasonCode } from './reasons'
