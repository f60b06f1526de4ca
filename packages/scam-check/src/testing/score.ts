import { checkIdentifier, type CheckLists, type Verdict } from '../verdict'
import { LABELLED_IDENTIFIERS, LABELLED_LISTS, type Label, type LabelledIdentifier } from './labelled-identifiers'

/** A case the check got wrong: a should-flag one that passed, or a legitimate one flagged. */
export interface ScoredMiss {
  text: string
  kind: LabelledIdentifier['kind']
  label: Label
  note: string
  verdict: Verdict
  /** Reason codes the check gave. */
  reasons: string[]
}

/** How the check does on the labelled list. */
export interface LabelledScore {
  /** Should-flag cases that came out `suspicious` or `known_scam`. */
  flagged: number
  /** Should-flag cases. */
  total: number
  /** flagged / total. */
  rate: number
  /** Legitimate cases that came out anything but `no_record` or `official`. */
  falseAlarms: number
  legitTotal: number
  /** falseAlarms / legitTotal. */
  falseAlarmRate: number
  /** Detection rate per should-flag label. */
  byLabel: Record<Exclude<Label, 'legit'>, { flagged: number; total: number }>
  /** Should-flag cases that passed. */
  misses: ScoredMiss[]
  /** Legitimate cases that were flagged. */
  falseAlarmCases: ScoredMiss[]
}

const FLAGGED: readonly Verdict[] = ['suspicious', 'known_scam']

/**
 * Run the check on every case of the labelled list (or on `cases`, against `lists`) and count
 * detections and false alarms. Used by the test (thresholds) and the bench (figures).
 *
 * @example scoreLabelledList().rate // share of should-flag identifiers flagged
 */
export function scoreLabelledList(
  cases: readonly LabelledIdentifier[] = LABELLED_IDENTIFIERS,
  lists: CheckLists = LABELLED_LISTS,
): LabelledScore {
  const byLabel: LabelledScore['byLabel'] = {
    lookalike: { flagged: 0, total: 0 },
    impersonation: { flagged: 0, total: 0 },
    shortener: { flagged: 0, total: 0 },
    disguised: { flagged: 0, total: 0 },
  }
  const misses: ScoredMiss[] = []
  const falseAlarmCases: ScoredMiss[] = []
  let legitTotal = 0
  for (const c of cases) {
    const r = checkIdentifier(c.text, lists, { kind: c.kind, claimsDingTalk: c.claimsDingTalk ?? false })
    const flagged = FLAGGED.includes(r.verdict)
    const scored: ScoredMiss = {
      text: c.text,
      kind: c.kind,
      label: c.label,
      note: c.note,
      verdict: r.verdict,
      reasons: r.reasons.map((x) => x.code),
    }
    if (c.label === 'legit') {
      legitTotal++
      if (flagged) falseAlarmCases.push(scored)
    } else {
      byLabel[c.label].total++
      if (flagged) byLabel[c.label].flagged++
      else misses.push(scored)
    }
  }
  const total = cases.length - legitTotal
  const flagged = total - misses.length
  return {
    flagged,
    total,
    rate: total ? flagged / total : 1,
    falseAlarms: falseAlarmCases.length,
    legitTotal,
    falseAlarmRate: legitTotal ? falseAlarmCases.length / legitTotal : 0,
    byLabel,
    misses,
    falseAlarmCases,
  }
}
