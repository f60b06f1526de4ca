import { z } from 'zod'
import { IsoDateTime, OrgId, UserId } from './ids'
import { SUITE_LOCALES } from './names'
import { Role } from './roles'

export { SUITE_LOCALES } from './names'

/** Languages the suite speaks; zh-HK is the default. */
export const Locale = z.enum(SUITE_LOCALES)
export type Locale = z.infer<typeof Locale>

/** A person known to the suite: a firm member synced from DingTalk or an invited external. */
export const User = z.object({
  id: UserId,
  orgId: OrgId,
  name: z.string().min(1).max(200),
  role: Role,
  title: z.string().max(200).nullable(),
  department: z.string().max(200).nullable(),
  avatarUrl: z.string().url().nullable(),
  /** DingTalk userid inside the org; null for externals invited by link. */
  dingtalkUserId: z.string().max(64).nullable(),
  /** DingTalk unionId, the organiser id used by the calendar API. */
  dingtalkUnionId: z.string().max(64).nullable(),
  active: z.boolean(),
  locale: Locale,
  createdAt: IsoDateTime,
})
export type User = z.infer<typeof User>

/** The organisation (DingTalk corp) the suite is installed in. */
export const Org = z.object({
  id: OrgId,
  corpId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
})
export type Org = z.infer<typeof Org>
