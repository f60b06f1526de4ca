import type { Role } from '../roles'
import type { MemberStatus, Tier } from '../permissions'
import type { CaseStatus } from '../case'

/**
 * The one demo organisation. Server seeds, MSW handlers and e2e fixtures all read this,
 * so a name changed here changes everywhere.
 */
export interface DemoUser {
  id: string
  name: string
  role: Role
  title: string | null
  department: string | null
  /** DingTalk userid; null for externals who join by invitation link. */
  dingtalkUserId: string | null
  dingtalkUnionId: string | null
  locale: 'zh-HK' | 'zh-CN' | 'en'
}

export interface DemoCase {
  id: string
  number: string
  title: string
  clientName: string
  status: CaseStatus
  members: { userId: string; status: MemberStatus; tierCeiling: Tier; wallReason?: string; expiresInDays?: number }[]
}

export const DEMO_ORG = {
  id: 'org-demo',
  corpId: 'dingdemocorp0001',
  name: '陳黃律師行 Chan & Wong Solicitors',
} as const

const internal = (id: string, name: string, role: Role, title: string, department: string, n: number): DemoUser => ({
  id,
  name,
  role,
  title,
  department,
  dingtalkUserId: `dt-${id}`,
  dingtalkUnionId: `union-${id}-${n.toString(16).padStart(6, '0')}`,
  locale: 'zh-HK',
})

export const DEMO_USERS: readonly DemoUser[] = [
  internal('u-chan', '陳大文 Chan Tai-man', 'partner', 'Senior Partner 高級合夥人', 'Litigation', 1),
  internal('u-wong', '黃小明 Wong Siu-ming', 'partner', 'Partner 合夥人', 'Corporate', 2),
  internal('u-lee', '李嘉欣 Lee Ka-yan', 'associate', 'Associate 律師', 'Litigation', 3),
  internal('u-ho', '何志強 Ho Chi-keung', 'associate', 'Associate 律師', 'Corporate', 4),
  internal('u-cheung', '張美玲 Cheung Mei-ling', 'staff', 'Paralegal 律師助理', 'Litigation', 5),
  internal('u-lam', '林國華 Lam Kwok-wah', 'it_admin', 'IT Manager 資訊科技經理', 'IT', 6),
  internal('u-ng', '吳慧敏 Ng Wai-man', 'compliance_officer', 'Compliance Officer 合規主任', 'Compliance', 7),
  {
    id: 'u-client-tse',
    name: '謝家輝 Tse Ka-fai',
    role: 'client',
    title: null,
    department: null,
    dingtalkUserId: null,
    dingtalkUnionId: null,
    locale: 'zh-HK',
  },
  {
    id: 'u-client-leong',
    name: '梁詠詩 Leong Weng-si',
    role: 'client',
    title: null,
    department: null,
    dingtalkUserId: null,
    dingtalkUnionId: null,
    locale: 'zh-HK',
  },
  {
    id: 'u-expert-fung',
    name: 'Dr. Fung Pak-lam 馮柏林',
    role: 'external_expert',
    title: 'Forensic Accountant',
    department: null,
    dingtalkUserId: null,
    dingtalkUnionId: null,
    locale: 'en',
  },
]

export const DEMO_CASES: readonly DemoCase[] = [
  {
    id: 'case-hca-1234',
    number: 'HCA 1234/2026',
    title: '謝家輝 訴 東方貿易有限公司 (合約糾紛) Tse Ka-fai v Oriental Trading Ltd',
    clientName: '謝家輝 Tse Ka-fai',
    status: 'open',
    members: [
      { userId: 'u-chan', status: 'active', tierCeiling: 'private' },
      { userId: 'u-lee', status: 'active', tierCeiling: 'private' },
      { userId: 'u-cheung', status: 'active', tierCeiling: 'private' },
      {
        userId: 'u-ho',
        status: 'walled',
        tierCeiling: 'private',
        wallReason: 'Acted for the defendant in 2024 (conflicted) 曾代表被告',
      },
      { userId: 'u-client-tse', status: 'active', tierCeiling: 'restricted', expiresInDays: 180 },
      { userId: 'u-expert-fung', status: 'active', tierCeiling: 'restricted', expiresInDays: 60 },
    ],
  },
  {
    id: 'case-dccj-5678',
    number: 'DCCJ 5678/2026',
    title: '梁詠詩 僱傭申索 Leong Weng-si employment claim',
    clientName: '梁詠詩 Leong Weng-si',
    status: 'open',
    members: [
      { userId: 'u-wong', status: 'active', tierCeiling: 'private' },
      { userId: 'u-ho', status: 'active', tierCeiling: 'private' },
      { userId: 'u-client-leong', status: 'active', tierCeiling: 'public', expiresInDays: 90 },
    ],
  },
  {
    id: 'case-hcmp-0420',
    number: 'HCMP 420/2025',
    title: '東方貿易有限公司 清盤呈請 Re Oriental Trading Ltd (winding-up)',
    clientName: 'Eastern Finance Ltd',
    status: 'on_hold',
    members: [
      { userId: 'u-chan', status: 'active', tierCeiling: 'private' },
      { userId: 'u-wong', status: 'active', tierCeiling: 'private' },
      { userId: 'u-expert-fung', status: 'expired', tierCeiling: 'restricted', expiresInDays: -3 },
    ],
  },
]

/** Look a demo user up by id; throws on a typo so fixtures fail loudly. */
export function demoUser(id: string): DemoUser {
  const u = DEMO_USERS.find((x) => x.id === id)
  if (!u) throw new Error(`no demo user ${id}`)
  return u
}
