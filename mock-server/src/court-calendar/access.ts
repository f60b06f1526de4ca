import type { FastifyRequest } from 'fastify'
import { decide, isInternalRole, type Subject } from '@suite/domain'
import type { Queryable } from '../db/db'
import { loadSubject } from '../cases/access'
import { requireUser, type AuthContext } from '../http/auth-context'
import { HttpError, forbidden, notFound } from '../http/errors'
import { deadlineRow, hearingRow, triggerRow, type DeadlineRow, type HearingRow, type TriggerRow } from './items'

/** What the caller may do with the court dates of one case. */
export interface CourtAccess {
  auth: AuthContext
  subject: Subject
  caseRow: { id: string; number: string; title: string; status: string }
  canEdit: boolean
}

/**
 * Court dates are case information every member may see (clients included: their own
 * hearing dates); only the firm's fee earners and staff change them. A non-member, a walled
 * lawyer or a lapsed external gets 404, so the case's existence does not leak.
 */
export function courtAbilities(subject: Subject): { view: boolean; edit: boolean } {
  const view = decide(subject, 'public', 'view') === 'allow'
  const edit = view && isInternalRole(subject.role) && decide(subject, 'restricted', 'upload') === 'allow'
  return { view, edit }
}

/** Open a case's court dates for the caller; 404 unless they may see them. */
export async function openCourtCase(
  q: Queryable,
  req: FastifyRequest,
  caseId: string,
  now: Date,
): Promise<CourtAccess> {
  const auth = requireUser(req)
  const caseRow = (
    await q.query<CourtAccess['caseRow']>('SELECT id, number, title, status FROM cases WHERE id = $1', [caseId])
  ).rows[0]
  if (!caseRow) throw notFound('Case not found')
  const subject = await loadSubject(q, caseId, auth.user, now)
  const a = courtAbilities(subject)
  if (!a.view) throw notFound('Case not found')
  return { auth, subject, caseRow, canEdit: a.edit }
}

/** {@link openCourtCase}, and the caller must be allowed to change court dates (403 otherwise). */
export async function openCourtCaseForEdit(
  q: Queryable,
  req: FastifyRequest,
  caseId: string,
  now: Date,
): Promise<CourtAccess> {
  const a = await openCourtCase(q, req, caseId, now)
  if (!a.canEdit) throw forbidden('Your role cannot change court dates in this case')
  return a
}

/** Open an item of a case: who is asking comes first, so an anonymous caller does not learn which ids exist. */
async function openItem<R extends { case_id: string }>(
  q: Queryable,
  req: FastifyRequest,
  row: (q: Queryable, id: string) => Promise<R | null>,
  what: string,
  id: string,
  now: Date,
  edit: boolean,
): Promise<R> {
  requireUser(req)
  const r = await row(q, id)
  if (!r) throw notFound(`${what} not found`)
  await (edit ? openCourtCaseForEdit : openCourtCase)(q, req, r.case_id, now)
  return r
}

/** A hearing the caller may see, or change when `edit` (404 when they may not see its case, 403 when they may not change it). */
export function openHearing(
  q: Queryable,
  req: FastifyRequest,
  id: string,
  now: Date,
  edit: boolean,
): Promise<HearingRow> {
  return openItem(q, req, hearingRow, 'Hearing', id, now, edit)
}

/** A deadline the caller may see, or change when `edit`. */
export function openDeadline(
  q: Queryable,
  req: FastifyRequest,
  id: string,
  now: Date,
  edit: boolean,
): Promise<DeadlineRow> {
  return openItem(q, req, deadlineRow, 'Deadline', id, now, edit)
}

/** A trigger event the caller may see, or change when `edit`. */
export function openTrigger(
  q: Queryable,
  req: FastifyRequest,
  id: string,
  now: Date,
  edit: boolean,
): Promise<TriggerRow> {
  return openItem(q, req, triggerRow, 'Trigger event', id, now, edit)
}

/**
 * Lawyers named on a hearing or deadline must be firm members of the case who can see it:
 * a 400 names the first one who is not (a walled lawyer is refused like a stranger).
 */
export async function checkLawyers(
  q: Queryable,
  caseId: string,
  lawyerIds: readonly string[],
  now: Date,
  field = 'lawyerIds',
): Promise<void> {
  for (const [i, id] of lawyerIds.entries()) {
    const user = (
      await q.query<{ id: string; role: Subject['role']; active: boolean }>(
        'SELECT id, role, active FROM users WHERE id = $1',
        [id],
      )
    ).rows[0]
    const ok =
      user && user.active && isInternalRole(user.role) && courtAbilities(await loadSubject(q, caseId, user, now)).view
    if (!ok)
      throw new HttpError('validation_failed', 'A lawyer named is not a firm member of this case', [
        { path: `${field}.${i}`, code: 'not_case_member', message: 'Not a firm member of this case' },
      ])
  }
}
