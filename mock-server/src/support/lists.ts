import { checkIdentifier, type CheckLists, type CheckResult, type IdentifierKind } from '@suite/scam-check'

/** Claimed identities that speak for an organisation (a free-mail sender claiming one is suspect). */
const ORGANISATIONS = new Set(['dingtalk_support', 'firm_it', 'bank', 'government', 'courier'])

/** The check the report form runs, on the server's lists. */
export function runCheck(
  identifier: string,
  kind: IdentifierKind | undefined,
  claimedIdentity: string | undefined,
  lists: CheckLists,
): CheckResult {
  return checkIdentifier(identifier, lists, {
    ...(kind ? { kind } : {}),
    claimsDingTalk: claimedIdentity === 'dingtalk_support',
    claimsOrganisation: claimedIdentity ? ORGANISATIONS.has(claimedIdentity) : false,
  })
}
