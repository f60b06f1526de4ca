import { checkIdentifier, type CheckLists, type CheckResult, type IdentifierKind } from '@suite/scam-check'
import type { Queryable } from '../db/db'

/** The published registry and the known-scam list, as the check consults them. */
export async function loadCheckLists(q: Queryable): Promise<CheckLists & { updatedAt: Date }> {
  const official = await q.query<{ kind: IdentifierKind; value: string; label: string; updated_at: Date }>(
    "SELECT kind, value, label, updated_at FROM support_channels WHERE status = 'published' ORDER BY kind, value")
  const scams = await q.query<{ kind: IdentifierKind; value: string; added_at: Date }>('SELECT kind, value, added_at FROM support_known_scams ORDER BY kind, value')
  const times = [...official.rows.map((r) => new Date(r.updated_at).getTime()), ...scams.rows.map((r) => new Date(r.added_at).getTime()), 0]
  return {
    official: official.rows.map((r) => ({ kind: r.kind, value: r.value, label: r.label })),
    knownScams: scams.rows.map((r) => ({ kind: r.kind, value: r.value })),
    updatedAt: new Date(Math.max(...times)),
  }
}

/** Claimed identities that speak for an organisation (a free-mail sender claiming one is suspect). */
const ORGANISATIONS = new Set(['dingtalk_support', 'firm_it', 'bank', 'government', 'courier'])

/** The check the report form runs, on the server's lists. */
export function runCheck(identifier: string, kind: IdentifierKind | undefined, claimedIdentity: string | undefined, lists: CheckLists): CheckResult {
  return checkIdentifier(identifier, lists, {
    ...(kind ? { kind } : {}),
    claimsDingTalk: claimedIdentity === 'dingtalk_support',
    claimsOrganisation: claimedIdentity ? ORGANISATIONS.has(claimedIdentity) : false,
  })
}
