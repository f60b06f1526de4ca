import { LabelPolicy, type LabelPolicyInput } from '@suite/domain'
import { describe, expect, it } from 'vitest'
import { scanText } from '../scan'
import { DEFAULT_LABEL_POLICY } from './default-policy'
import { evaluatePolicy, maxLabel } from './evaluate'

const label = (text: string, policy: unknown = DEFAULT_LABEL_POLICY) => evaluatePolicy(policy, scanText(text)).label

describe('default label policy', () => {
  it('is confidential for IDs, cards and medical keywords', () => {
    expect(label('A123456(3)')).toBe('confidential')
    expect(label('1234567(8)')).toBe('confidential')
    expect(label('11010519491231002X')).toBe('confidential')
    expect(label('4111 1111 1111 1111')).toBe('confidential')
    expect(label('附上病歷')).toBe('confidential')
  })

  it('is internal for phones, emails, contract and payment keywords', () => {
    expect(label('+852 9123 4567')).toBe('internal')
    expect(label('chan@example.com')).toBe('internal')
    expect(label('the agreement')).toBe('internal')
    expect(label('付款')).toBe('internal')
  })

  it('is public otherwise, including an id keyword alone and an invalid ID', () => {
    expect(label('收到🙏')).toBe('public')
    expect(label('護照')).toBe('public')
    expect(label('A123456(4)')).toBe('public')
  })

  it('survives a JSON round trip', () => {
    expect(LabelPolicy.parse(JSON.parse(JSON.stringify(DEFAULT_LABEL_POLICY)))).toEqual(DEFAULT_LABEL_POLICY)
  })
})

describe('custom policies', () => {
  const strict: LabelPolicyInput = {
    schemaVersion: 1,
    defaultLabel: 'internal',
    rules: [
      { id: 'many-phones', label: 'confidential', conditions: [{ type: 'phone', minCount: 3 }] },
      {
        id: 'id-with-contract',
        label: 'confidential',
        match: 'all',
        conditions: [
          { type: 'keyword', category: 'id' },
          { type: 'keyword', category: 'contract' },
        ],
      },
      { id: 'sure-hkid', label: 'confidential', conditions: [{ type: 'hk_id', minConfidence: 0.9 }] },
    ],
  }

  it('applies counts, all-of rules, confidence floors and the default', () => {
    expect(label('+852 9123 4567, +852 9123 4568', strict)).toBe('internal')
    expect(label('+852 9123 4567, +852 9123 4568, +852 9123 4569', strict)).toBe('confidential')
    expect(label('護照', strict)).toBe('internal')
    expect(label('護照 合約', strict)).toBe('confidential')
    expect(label('A1234563', strict)).toBe('internal')
    expect(evaluatePolicy(strict, scanText('身份證 A123456(3)'))).toEqual({
      label: 'confidential',
      matchedRules: ['sure-hkid'],
    })
  })

  it('rejects malformed policies', () => {
    expect(() => evaluatePolicy({ ...strict, schemaVersion: 2 }, [])).toThrow()
    expect(() =>
      evaluatePolicy({ ...strict, rules: [{ id: 'x', label: 'secret', conditions: [{ type: 'phone' }] }] }, []),
    ).toThrow()
    expect(() =>
      evaluatePolicy(
        { ...strict, rules: [{ id: 'x', label: 'internal', conditions: [{ type: 'phone', category: 'medical' }] }] },
        [],
      ),
    ).toThrow()
    expect(() => evaluatePolicy({ ...strict, rules: [strict.rules[0], strict.rules[0]] }, [])).toThrow()
  })

  it('orders labels', () => {
    expect(maxLabel('public', 'internal')).toBe('internal')
    expect(maxLabel('confidential', 'internal')).toBe('confidential')
  })
})
