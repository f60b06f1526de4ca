import { BARE_COURTROOM } from '@suite/domain'
import { courtName } from './hk-courts'

type Translate = (key: string, params: Record<string, string>) => string

/**
 * A court (a listed one in the reader's language) and its courtroom as one place: a bare number gets the word
 * for courtroom (`High Court, Courtroom 7`, `高等法院 第 7 號法庭`), a phrase is kept as written
 * (`High Court, Court 7`), never run together.
 */
export function courtPlace(t: Translate, locale: string, stored: string, courtroom: string | null | undefined): string {
  const court = courtName(stored, locale)
  const room = courtroom?.trim()
  if (!room) return court
  return t(BARE_COURTROOM.test(room) ? 'hearing.courtroomIn' : 'hearing.courtAndRoom', { court, room })
}
