import type { CreateClassificationReport, HomeJurisdiction, LabelPolicy } from '@suite/domain'
import { redactText, summarize } from '@suite/classifier'
import {
  activeFindings,
  countFindings,
  crossBorder,
  effectiveLabel,
  needsJustification,
  suggestedLabel,
} from './findings'
import type { WizardState } from './types'

/**
 * The record sent to the backend: counts, labels, where data lives and masked samples only.
 * Names and justifications are redacted too (a file may be named after a client's HKID).
 */
export function buildReport(
  state: Pick<WizardState, 'title' | 'home' | 'sources' | 'scannedAt'>,
  policy: LabelPolicy,
  policyVersion: number,
  options: { defaultTitle?: string; now?: () => Date } = {},
): CreateClassificationReport {
  const now = options.now ?? (() => new Date())
  const scanned = state.sources.filter((s) => s.status === 'done')
  return {
    title: redactText(state.title.trim()) || options.defaultTitle || 'Data classification',
    home: state.home,
    policyVersion,
    scannedAt: state.scannedAt ?? now().toISOString(),
    sources: scanned.map((s) => {
      const kept = activeFindings(s)
      return {
        name: redactText(s.name).slice(0, 300),
        kind: s.kind,
        sizeBytes: s.size,
        suggestedLabel: suggestedLabel(policy, s),
        label: effectiveLabel(policy, s),
        justification: needsJustification(policy, s) ? redactText(s.justification.trim()).slice(0, 2000) : null,
        counts: countFindings(kept),
        dismissed: s.findings.length - kept.length,
        samples: summarize(kept, 10).samples,
        storedIn: s.storedIn,
        reach: s.reach,
        crossBorder: crossBorder(state.home as HomeJurisdiction, s),
      }
    }),
  }
}
