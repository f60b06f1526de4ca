import type { CheckLists } from '../verdict'
import { SHOULD_FLAG } from './labelled-flag'
import { SHOULD_FLAG_MORE } from './labelled-flag-more'
import { LEGIT_CONTACTS } from './labelled-legit-contacts'
import { LEGIT_SITES } from './labelled-legit'
import type { LabelledIdentifier } from './labelled-types'

export type { Label, LabelledIdentifier } from './labelled-types'

/**
 * The registry the labelled list is checked against: DingTalk, the firm, Alibaba Cloud (a
 * six-letter name, so names two letters away such as `alison.com` are tested), the firm's
 * reception and client freephone, and IT's mailbox. No known scams: the list measures the
 * heuristics, not list look-ups.
 */
export const LABELLED_LISTS: CheckLists = {
  official: [
    { kind: 'url', value: 'dingtalk.com', label: 'DingTalk' },
    { kind: 'url', value: 'chanwong-law.hk', label: 'The firm' },
    { kind: 'url', value: 'aliyun.com', label: 'Alibaba Cloud' },
    { kind: 'phone', value: '+85221234567', label: 'Firm reception' },
    { kind: 'phone', value: '+852800900888', label: 'Firm client freephone' },
    { kind: 'email', value: 'it@chanwong-law.hk', label: 'Firm IT' },
  ],
  knownScams: [],
}

/** Every hand-written case: should-flag ones first, then the legitimate hard negatives. */
export const LABELLED_IDENTIFIERS: readonly LabelledIdentifier[] = [
  ...SHOULD_FLAG,
  ...SHOULD_FLAG_MORE,
  ...LEGIT_SITES,
  ...LEGIT_CONTACTS,
]
