import { CourtCalendarSettings, DEFAULT_COURT_CALENDAR_SETTINGS } from '@suite/domain'
import type { Queryable } from '../db/db'

/** The administrator settings, or the defaults when none were saved (or the saved ones no longer parse). */
export async function getSettings(q: Queryable): Promise<CourtCalendarSettings> {
  const row = (await q.query<{ data: unknown }>('SELECT data FROM court_calendar_settings WHERE id = 1')).rows[0]
  if (!row) return DEFAULT_COURT_CALENDAR_SETTINGS
  const parsed = CourtCalendarSettings.safeParse({ ...DEFAULT_COURT_CALENDAR_SETTINGS, ...(row.data as object) })
  return parsed.success ? parsed.data : DEFAULT_COURT_CALENDAR_SETTINGS
}

/** Save the settings (the caller audits). */
export async function putSettings(
  q: Queryable,
  s: CourtCalendarSettings,
  actorId: string | null,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO court_calendar_settings (id, data, updated_by, updated_at) VALUES (1, $1::jsonb, $2, $3)
     ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(s), actorId, now],
  )
}
