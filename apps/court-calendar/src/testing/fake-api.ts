import { fakeApi } from '@suite/app-kit/testing'
import type { CourtCalendarOptions } from '@suite/domain'
import { makeCourtCalendarOptions } from '@suite/domain/testing'
import { vi } from 'vitest'

/** A fake `courtCalendar` API: the given methods, plus `options` (every page loads them); anything else fails loudly. Test-only. */
export function fakeCourtApi(
  parts: Record<string, unknown>,
  options: CourtCalendarOptions = makeCourtCalendarOptions(),
) {
  return fakeApi({ courtCalendar: { options: vi.fn(async () => options), ...parts } })
}
