import { z } from 'zod'
import { ErrorBody, Page, PageQuery, User, encodeCursor } from '@suite/domain'
import { IdCursor, readCursor } from '../http/cursor'
import type { App, Deps } from '../deps'
import { requireUser } from '../http/auth-context'
import { HttpError } from '../http/errors'
import { toUser, type UserRow } from '../users/repo'

const UserListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() })

/** The firm's internal directory (for pickers outside DingTalk). Externals cannot browse it. */
export async function userRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/users', { schema: { tags: ['users'], querystring: UserListQuery, response: { 200: Page(User), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } } }, async (req) => {
    const { user } = requireUser(req)
    if (user.role === 'client' || user.role === 'external_expert') throw new HttpError('forbidden', 'The firm directory is for firm members only')
    const params: unknown[] = []
    const where = [`role NOT IN ('client','external_expert')`, 'active']
    if (req.query.q) { params.push(`%${req.query.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`); where.push(`(name ILIKE $${params.length} OR department ILIKE $${params.length})`) }
    const cursor = readCursor(req.query.cursor, IdCursor)
    if (cursor !== null) { params.push(cursor); where.push(`id > $${params.length}`) }
    params.push(req.query.limit + 1)
    const { rows } = await deps.db.query<UserRow>(`SELECT * FROM users WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`, params)
    const items = rows.slice(0, req.query.limit)
    return { items: items.map(toUser), nextCursor: rows.length > req.query.limit ? encodeCursor(items[items.length - 1]!.id) : null }
  })
}
