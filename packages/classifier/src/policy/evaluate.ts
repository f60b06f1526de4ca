import {
  DATA_LABELS,
  LabelPolicy,
  labelRank,
  type DataLabel,
  type KeywordCategory,
  type LabelCondition,
  type SensitiveType,
} from '@suite/domain'

/** The part of a finding a policy looks at. */
export interface PolicyFinding {
  type: SensitiveType
  category?: KeywordCategory | undefined
  confidence: number
}

/** Why a label was suggested: the rules that held. */
export interface LabelDecision {
  label: DataLabel
  matchedRules: string[]
}

function conditionHolds(c: LabelCondition, findings: readonly PolicyFinding[]): boolean {
  let count = 0
  for (const f of findings) {
    if (f.type !== c.type || f.confidence < c.minConfidence) continue
    if (c.category !== undefined && f.category !== c.category) continue
    if (++count >= c.minCount) return true
  }
  return false
}

/**
 * Suggest a label for a source's findings under `policy`: the highest label among the rules
 * whose conditions hold (any or all of them, per rule), else the policy's default.
 * `policy` may be unparsed JSON; it is validated first.
 */
export function evaluatePolicy(policy: LabelPolicy | unknown, findings: readonly PolicyFinding[]): LabelDecision {
  const p = LabelPolicy.parse(policy)
  let label: DataLabel = p.defaultLabel
  const matchedRules: string[] = []
  for (const rule of p.rules) {
    const holds =
      rule.match === 'all'
        ? rule.conditions.every((c) => conditionHolds(c, findings))
        : rule.conditions.some((c) => conditionHolds(c, findings))
    if (!holds) continue
    matchedRules.push(rule.id)
    if (labelRank(rule.label) > labelRank(label)) label = rule.label
  }
  return { label, matchedRules }
}

/** The higher of two labels. */
export function maxLabel(a: DataLabel, b: DataLabel): DataLabel {
  return DATA_LABELS[Math.max(labelRank(a), labelRank(b))]!
}
