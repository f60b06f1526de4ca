/**
 * @suite/classifier: sensitive-data detection for Hong Kong, Macau and the mainland, the same
 * code in the browser and in Node. `scanText` finds, validates, scores and masks; the label
 * policy is data (`LabelPolicy` from @suite/domain) evaluated by `evaluatePolicy`.
 * Text extraction lives in `@suite/classifier/extract` (browser-safe) and
 * `@suite/classifier/node` (reads files).
 */
export { scanText, redactText, findingConfidence, confidencePercent, DEFAULT_CONTEXT_WINDOW } from './scan'
export { maskValue } from './mask'
export { foldWidth, foldForScan } from './text/normalize'
export { decodeEscapes, type DecodedText } from './text/unescape'
export { hkIdCheckChar, isValidHkId } from './detectors/hk-id'
export { cnIdCheckChar, isValidCnId, isRealBirthDate } from './detectors/cn-id'
export { luhnValid, cardBrand, isValidCard } from './detectors/credit-card'
export { toE164 } from './detectors/phone'
export { KEYWORDS, CONTEXT_WORDS, type ContextTarget } from './words'
export { DEFAULT_LABEL_POLICY } from './policy/default-policy'
export { evaluatePolicy, maxLabel, type LabelDecision, type PolicyFinding } from './policy/evaluate'
export { summarize, type FindingSummary } from './summary'
export type { Finding, ScanOptions } from './types'
export { LabelPolicy, DataLabel, SensitiveType, KeywordCategory, type LabelPolicyInput } from '@suite/domain'
