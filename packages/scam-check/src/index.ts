/**
 * @suite/scam-check: the instant check of a suspicious "customer service" contact, shared by
 * the report form (on every keystroke, offline too) and the backend (which stores the verdict).
 * Pure TypeScript for browsers and Node.
 */
export { checkIdentifier, BRAND_DOMAINS, SCAMETER_URL, VERDICTS, type CheckLists, type CheckOptions, type CheckResult, type ListedIdentifier, type Verdict } from './verdict'
export { normaliseIdentifier, detectKind, IDENTIFIER_KINDS, type IdentifierKind, type NormalisedIdentifier } from './identifier'
export { normalisePhone, looksLikePhone, type DefaultRegion, type NormalisedPhone, type PhoneProblem, type PhoneRegion } from './phone'
export { parseUrl, isSameOrSubdomain, toUnicodeHost, type ParsedUrl } from './url'
export { hostReasons } from './lookalike'
export { skeleton, mixesScripts } from './confusables'
export { editDistance } from './edit-distance'
export { REASON_CODES, type Reason, type ReasonCode } from './reasons'
