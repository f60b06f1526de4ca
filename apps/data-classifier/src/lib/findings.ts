import {
  SENSITIVE_TYPES,
  isCrossBorder,
  labelRank,
  type DataLabel,
  type FindingCounts,
  type HomeJurisdiction,
  type LabelPolicy,
  type SensitiveType,
} from '@suite/domain'
import { evaluatePolicy } from '@suite/classifier'
import type { StoredFinding, WizardSource } from './types'

/** Findings the reviewer kept. */
export const activeFindings = (s: Pick<WizardSource, 'findings'>): StoredFinding[] =>
  s.findings.filter((f) => !f.dismissed)

/** Count of kept findings per type. */
export function countFindings(findings: readonly StoredFinding[]): FindingCounts {
  const counts = Object.fromEntries(SENSITIVE_TYPES.map((t) => [t, 0])) as FindingCounts
  for (const f of findings) counts[f.type]++
  return counts
}

/** The label the policy suggests for a source, from its kept findings. */
export function suggestedLabel(policy: LabelPolicy, s: Pick<WizardSource, 'findings'>): DataLabel {
  return evaluatePolicy(policy, activeFindings(s)).label
}

/** The label a source ends up with: the reviewer's choice, else the suggestion. */
export const effectiveLabel = (policy: LabelPolicy, s: WizardSource): DataLabel => s.label ?? suggestedLabel(policy, s)

/** True when the chosen label is below the suggestion, so a justification is needed. */
export const needsJustification = (policy: LabelPolicy, s: WizardSource): boolean =>
  labelRank(effectiveLabel(policy, s)) < labelRank(suggestedLabel(policy, s))

/** True when the source is kept outside the firm's jurisdiction. */
export const crossBorder = (home: HomeJurisdiction, s: Pick<WizardSource, 'storedIn'>): boolean =>
  isCrossBorder(home, s.storedIn)

/** Kept findings grouped by type, in the engine's type order. */
export function groupByType(
  findings: readonly StoredFinding[],
): Array<{ type: SensitiveType; findings: StoredFinding[] }> {
  return SENSITIVE_TYPES.map((type) => ({ type, findings: findings.filter((f) => f.type === type) })).filter(
    (g) => g.findings.length > 0,
  )
}
