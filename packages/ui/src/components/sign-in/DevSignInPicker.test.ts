import type { AuthConfig } from '@suite/domain'
import { describe, expect, it } from 'vitest'
import { mountWithI18n } from '../../testing/mount-with-i18n'
import DevSignInPicker from './DevSignInPicker.vue'

const users: AuthConfig['devUsers'] = [
  { id: 'u-chan', name: '陳大文 Chan Tai-man', role: 'partner', title: 'Senior Partner 高級合夥人' },
  { id: 'u-client-tse', name: '謝家輝 Tse Ka-fai', role: 'client', title: null },
  { id: 'u-ng', name: '吳慧敏 Ng Wai-man', role: 'compliance_officer', title: 'Compliance Officer 合規主任' },
  { id: 'u-expert-fung', name: 'Dr. Fung Pak-lam 馮柏林', role: 'external_expert', title: 'Forensic Accountant' },
]

describe('DevSignInPicker', () => {
  it('is clearly labelled as a development sign-in', () => {
    const { wrapper } = mountWithI18n(DevSignInPicker, { props: { users } })
    expect(wrapper.find('h2').text()).toBe('開發用登入')
    expect(wrapper.text()).toContain('只供開發及示範使用')
  })

  it('groups users into firm members and externals with translated roles', () => {
    const { wrapper } = mountWithI18n(DevSignInPicker, { props: { users } })
    const groups = wrapper.findAll('.suite-dev-picker__group')
    expect(groups).toHaveLength(2)
    expect(groups[0]!.find('h3').text()).toBe('本行成員')
    expect(groups[0]!.findAll('button').map((b) => b.find('.el-tag').text())).toEqual(['合夥人', '合規主任'])
    expect(groups[1]!.find('h3').text()).toBe('外部用戶（客戶及專家）')
    expect(groups[1]!.findAll('button').map((b) => b.find('.el-tag').text())).toEqual(['客戶', '外聘專家'])
  })

  it('emits pick with the user id', async () => {
    const { wrapper } = mountWithI18n(DevSignInPicker, { props: { users } })
    const button = wrapper.find('button[aria-label="以 吳慧敏 Ng Wai-man 身分登入"]')
    await button.trigger('click')
    expect(wrapper.emitted('pick')).toEqual([['u-ng']])
  })

  it('labels roles in English and disables buttons while busy', () => {
    const { wrapper } = mountWithI18n(DevSignInPicker, { props: { users, busy: true }, locale: 'en' })
    expect(wrapper.text()).toContain('Compliance officer')
    expect(wrapper.text()).toContain('Development sign-in')
    expect(wrapper.findAll('button').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
  })

  it('shows an unknown role as sent, among externals', () => {
    const { wrapper } = mountWithI18n(DevSignInPicker, {
      props: { users: [{ id: 'x', name: 'X', role: 'auditor', title: null }] },
    })
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['外部用戶（客戶及專家）'])
    expect(wrapper.find('.el-tag').text()).toBe('auditor')
  })
})
