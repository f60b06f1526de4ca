import { PERSONAL_DATA_TYPES, SENSITIVE_TYPES, type FindingCounts, type MaskedSample } from '@suite/domain'
import type { Finding } from './types'

/** Counts and masked samples of a source's findings: what may leave the device. */
export interface FindingSummary {
  counts: FindingCounts
  samples: MaskedSample[]
}

/**
 * Count findings per type and pick up to `maxSamples` masked samples, personal data first,
 * one per distinct masked value.
 */
export function summarize(findings: readonly Pick<Finding, 'type' | 'masked'>[], maxSamples = 10): FindingSummary {
  const counts = Object.fromEntries(SENSITIVE_TYPES.map((t) => [t, 0])) as FindingCounts
  for (const f of findings) counts[f.type]++
  const personal = new Set<string>(PERSONAL_DATA_TYPES)
  const ordered = [...findings].sort((a, b) => Number(personal.has(b.type)) - Number(personal.has(a.type)))
  const seen = new Set<string>()
  const samples: MaskedSample[] = []
  for (const f of ordered) {
    const key = `${f.type}:${f.masked}`
    if (seen.has(key) || samples.length >= maxSamples) continue
    seen.add(key)
    samples.push({ type: f.type, masked: f.masked.slice(0, 200) })
  }
  return { counts, samples }
}
