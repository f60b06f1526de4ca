import type { CaseId, ImportRow, ImportedHearing } from '@suite/domain'
import type { Queryable } from '../../db/db'
import type { UserRow } from '../../users/repo'
import { loadSubject, visibleCaseSql } from '../../cases/access'
import { courtAbilities } from '../access'
import { toHkIso } from '../time'
import { normaliseCaseNumber, type RawHearing } from './read-rows'

interface CaseInfo {
  caseId: CaseId
  caseNumber: string
  caseTitle: string
}

/**
 * The cases an importer may add hearings to, by normalised case number: each matter's own
 * number and every court action number already used by one of its hearings. Cases the person
 * is not a member of are absent, so a row naming one reads "case not found" and leaks nothing.
 */
export async function importableCases(q: Queryable, user: UserRow, now: Date): Promise<Map<string, CaseInfo[]>> {
  const { rows } = await q.query<{ id: string; number: string; title: string }>(
    `SELECT c.id, c.number, c.title FROM cases c JOIN case_members m ON m.case_id = c.id WHERE ${visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2)}`,
    [user.id, now],
  )
  const byNumber = new Map<string, CaseInfo[]>()
  const add = (n: string | null, info: CaseInfo) => {
    if (!n) return
    const list = byNumber.get(n) ?? []
    if (!list.some((x) => x.caseId === info.caseId)) list.push(info)
    byNumber.set(n, list)
  }
  for (const c of rows) {
    if (!courtAbilities(await loadSubject(q, c.id, user, now)).edit) continue
    const info = { caseId: c.id as CaseId, caseNumber: c.number, caseTitle: c.title }
    add(normaliseCaseNumber(c.number), info)
    const actions = await q.query<{ court_case_number: string }>(
      'SELECT DISTINCT court_case_number FROM court_hearings WHERE case_id = $1',
      [c.id],
    )
    for (const a of actions.rows) add(normaliseCaseNumber(a.court_case_number), info)
  }
  return byNumber
}

interface Existing {
  case_id: string
  external_uid: string
  court_case_number: string
  court: string
  judge: string | null
  courtroom: string | null
  hearing_type: string
  title: string | null
  starts_at: Date
  ends_at: Date | null
  status: string
}

function sameAsStored(h: ImportedHearing, e: Existing, cancelled: boolean): boolean {
  return (
    e.court_case_number === h.courtCaseNumber &&
    e.court === h.court &&
    e.judge === h.judge &&
    e.courtroom === h.courtroom &&
    e.hearing_type === h.type &&
    e.title === h.title &&
    toHkIso(e.starts_at) === h.startsAt &&
    (e.ends_at ? toHkIso(e.ends_at) : null) === h.endsAt &&
    (e.status === 'cancelled') === cancelled
  )
}

/**
 * Turn read rows into preview rows: matched (one case), ambiguous (several cases: the person
 * chooses), or skipped with a reason. A row that repeats what is stored is skipped as already
 * imported; one that changes a stored hearing is an update.
 */
export async function matchRows(q: Queryable, raw: RawHearing[], cases: Map<string, CaseInfo[]>): Promise<ImportRow[]> {
  const uids = raw.map((r) => r.externalUid).filter((u): u is string => Boolean(u))
  const existing = uids.length
    ? (
        await q.query<Existing>(
          'SELECT case_id, external_uid, court_case_number, court, judge, courtroom, hearing_type, title, starts_at, ends_at, status FROM court_hearings WHERE external_uid = ANY($1::text[])',
          [uids],
        )
      ).rows
    : []
  const seen = new Set<string>()
  return raw.map((r): ImportRow => {
    const base = { row: r.row, raw: r.raw, caseId: null, candidates: [] as CaseInfo[], hearing: null, action: null }
    if (r.problem === 'missing_field') return { ...base, status: 'skipped', reason: 'missing_field' }
    if (r.problem === 'invalid_time' || !r.startsAt) return { ...base, status: 'skipped', reason: 'invalid_time' }
    if (!r.caseNumbers.length) return { ...base, status: 'skipped', reason: 'no_case_number' }
    const found: CaseInfo[] = []
    for (const n of r.caseNumbers)
      for (const c of cases.get(n) ?? []) if (!found.some((f) => f.caseId === c.caseId)) found.push(c)
    const hearing: ImportedHearing = {
      courtCaseNumber: r.caseNumbers.find((n) => cases.has(n)) ?? r.caseNumbers[0]!,
      court: (r.court ?? 'Court').slice(0, 120),
      judge: r.judge?.slice(0, 200) ?? null,
      courtroom: r.courtroom?.slice(0, 60) ?? null,
      type: r.type,
      title: r.title?.slice(0, 300) ?? null,
      startsAt: toHkIso(r.startsAt),
      endsAt: r.endsAt ? toHkIso(r.endsAt) : null,
      externalUid: (r.externalUid ?? `${r.caseNumbers[0]}:${r.startsAt.toISOString()}`).slice(0, 500),
      cancelled: r.cancelled,
    }
    if (!found.length) return { ...base, status: 'skipped', reason: 'case_not_found', hearing }
    if (seen.has(hearing.externalUid)) return { ...base, status: 'skipped', reason: 'already_imported', hearing }
    seen.add(hearing.externalUid)
    // Several cases named: a case that already holds this hearing (an earlier import) decides it.
    const storedIn = found.filter((f) =>
      existing.some((e) => e.case_id === f.caseId && e.external_uid === hearing.externalUid),
    )
    if (found.length > 1 && storedIn.length !== 1)
      return { ...base, status: 'ambiguous', reason: null, hearing, candidates: found }
    const c = storedIn[0] ?? found[0]!
    // The matter's own number when the row names it; else the action number that led to it.
    if (r.caseNumbers.includes(normaliseCaseNumber(c.caseNumber) ?? '')) hearing.courtCaseNumber = c.caseNumber
    else
      hearing.courtCaseNumber =
        r.caseNumbers.find((n) => (cases.get(n) ?? []).some((x) => x.caseId === c.caseId)) ?? hearing.courtCaseNumber
    const stored = existing.find((e) => e.case_id === c.caseId && e.external_uid === hearing.externalUid)
    if (stored && sameAsStored(hearing, stored, r.cancelled))
      return { ...base, status: 'skipped', reason: 'already_imported', caseId: c.caseId, hearing, candidates: [c] }
    if (!stored && r.cancelled)
      return { ...base, status: 'skipped', reason: 'cancelled', caseId: c.caseId, hearing, candidates: [c] }
    return {
      ...base,
      status: 'matched',
      reason: null,
      action: stored ? 'update' : 'create',
      caseId: c.caseId,
      hearing,
      candidates: [c],
    }
  })
}
