import { LabelPolicy } from '@suite/domain'

/**
 * The built-in label policy (version 0): confidential when any ID or card number or a
 * medical keyword is found; internal when a phone, an email, or a contract or payment keyword
 * is; public otherwise. Administrators replace it with saved versions.
 */
export const DEFAULT_LABEL_POLICY: LabelPolicy = LabelPolicy.parse({
  schemaVersion: 1,
  defaultLabel: 'public',
  rules: [
    {
      id: 'identifiers',
      label: 'confidential',
      description: 'Identity card, mainland ID or payment card numbers, or medical records',
      conditions: [
        { type: 'hk_id' },
        { type: 'mo_id' },
        { type: 'cn_id' },
        { type: 'credit_card' },
        { type: 'keyword', category: 'medical' },
      ],
    },
    {
      id: 'contacts-and-business',
      label: 'internal',
      description: 'Phone numbers, emails, contracts or payments',
      conditions: [
        { type: 'phone' },
        { type: 'email' },
        { type: 'keyword', category: 'contract' },
        { type: 'keyword', category: 'payment' },
      ],
    },
  ],
})
