import { encodeCursor, usersApi } from '@suite/domain'
import type { App, Deps } from '../deps'
import { IdCursor, readCursor } from '../http/cursor'
import { serve } from '../http/endpoint'
import { requireUser } from '../http/auth-context'
import { HttpError } from '../http/errors'
import { toUser, usersRepo } from './repo'

/** The firm's internal directory (for pickers outside DingTalk). Externals cannot browse it. */
export async function userRoutes(app: App, deps: Deps): Promise<void> {
  serve(app, usersApi.list, async (req) => {
    const { user } = requireUser(req)
    if (user.role === 'client' || user.role === 'external_expert')
      throw new HttpError('forbidden', 'The firm directory is for firm members only')
    const { q, limit } = req.query
    const rows = await usersRepo.listDirectory(deps.db, {
      q,
      after: readCursor(req.query.cursor, IdCursor),
      take: limit + 1,
    })
    const items = rows.slice(0, limit)
    return {
      items: items.map(toUser),
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null,
    }
  })
}
