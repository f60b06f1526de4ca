import { describe, expect, it } from 'vitest'
import { InvitationCreate, parseInviteeContact } from './case-room'

describe('parseInviteeContact', () => {
  it.each([
    ['+852 9123 4567', '+85291234567'],
    ['(852) 9123-4567', '+85291234567'],
    ['85291234567', '+85291234567'],
    ['00852 2123 4567', '+85221234567'],
    ['9123 4567', '+85291234567'],
    ['800 123 456', '+852800123456'],
    ['+853 6612 3456', '+85366123456'],
    ['+853 2812 3456', '+85328123456'],
    ['138 0013 8000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
  ])('reads the phone %s as %s', (typed, e164) => {
    expect(parseInviteeContact(typed)).toEqual({ kind: 'phone', value: e164 })
  })

  it('reads an e-mail address, in lower case', () => {
    expect(parseInviteeContact(' Yip@Example.COM ')).toEqual({ kind: 'email', value: 'yip@example.com' })
  })

  it.each([
    '',
    '1234',
    '4123 4567',
    '+1 415 555 0100',
    '+853 7123 4567',
    '123 0013 8000',
    'name@host',
    'a b@c.hk',
    'call me',
  ])('refuses %j', (typed) => {
    expect(parseInviteeContact(typed)).toBeNull()
  })

  it('is required when inviting', () => {
    const base = {
      name: 'Dr Yip',
      role: 'client',
      tierCeiling: 'public',
      accessExpiry: { kind: 'date', date: '2099-01-01' },
    }
    expect(InvitationCreate.safeParse(base).success).toBe(false)
    expect(InvitationCreate.safeParse({ ...base, contact: '9123 4567' }).success).toBe(true)
    expect(InvitationCreate.safeParse({ ...base, contact: 'not a contact' }).success).toBe(false)
  })
})
