import type { IdentifierKind } from '@suite/domain'
import { checkIdentifier, type CheckLists, type CheckResult } from '@suite/scam-check'
import { computed, toValue, type MaybeRefOrGetter } from 'vue'

/** Options of {@link useInstantCheck}. */
export interface UseInstantCheckOptions {
  identifier: MaybeRefOrGetter<unknown>
  kind: MaybeRefOrGetter<unknown>
  claimedIdentity: MaybeRefOrGetter<unknown>
  lists: MaybeRefOrGetter<CheckLists>
}

const KINDS: readonly string[] = ['phone', 'url', 'email', 'account', 'payment']
const ORGANISATIONS: readonly string[] = ['dingtalk_support', 'firm_it', 'bank', 'government', 'courier']

/**
 * The verdict on what the user is typing, recomputed on every keystroke, on the device, before
 * anything is sent. Null while the field is empty.
 */
export function useInstantCheck(o: UseInstantCheckOptions) {
  const result = computed<CheckResult | null>(() => {
    const text = toValue(o.identifier)
    if (typeof text !== 'string' || !text.trim()) return null
    const kind = toValue(o.kind)
    const claimed = toValue(o.claimedIdentity)
    return checkIdentifier(text, toValue(o.lists), {
      ...(typeof kind === 'string' && KINDS.includes(kind) ? { kind: kind as IdentifierKind } : {}),
      claimsDingTalk: claimed === 'dingtalk_support',
      claimsOrganisation: typeof claimed === 'string' && ORGANISATIONS.includes(claimed),
    })
  })
  return { result }
}
