import { useDeps, useLatestAsync } from '@suite/app-kit'
import type { PortalToday } from '@suite/domain'

/** What needs the signed-in person today (loaded at once); `reload` for a retry. */
export function useToday() {
  const { api } = useDeps()
  return useLatestAsync((signal) => api.portal.today({ signal }), null as PortalToday | null)
}
