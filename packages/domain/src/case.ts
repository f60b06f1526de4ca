import { z } from 'zod'
import { CaseId, IsoDateTime, UserId } from './ids'
import { Role } from './roles'
import { MemberStatus, Tier } from './permissions'

/** Lifecycle of a matter. */
export const CaseStatus = z.enum(['open', 'on_hold', 'closed'])
export type CaseStatus = z.infer<typeof CaseStatus>

/** A case (matter) as listed to a member. */
export const CaseSummary = z.object({
  id: CaseId,
  number: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  clientName: z.string().max(200),
  status: CaseStatus,
  /** True while "restrict to internal" suspends every external member. */
  restrictedToInternal: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type CaseSummary = z.infer<typeof CaseSummary>

/** Someone's place in a case. */
export const CaseMember = z.object({
  caseId: CaseId,
  userId: UserId,
  role: Role,
  status: MemberStatus,
  tierCeiling: Tier,
  expiresAt: IsoDateTime.nullable(),
  wallReason: z.string().max(500).nullable(),
})
export type CaseMember = z.infer<typeof CaseMember>
