import { z } from 'zod'
import { User } from '../user'
import { Page, PageQuery } from '../pagination'
import { defineEndpoint } from '../endpoint'

/** Query of the firm directory: a page of firm members, optionally searched by name or department. */
export const UserListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() })
/** What a caller passes to the directory list (`limit` may be left out). */
export type UserListQuery = z.input<typeof UserListQuery>

/** The firm's internal directory (for pickers outside DingTalk); externals cannot browse it. */
export const usersApi = {
  /** One page of active firm members, by id; pass `nextCursor` back as `cursor` for the next. */
  list: defineEndpoint({ method: 'GET', path: '/users', tags: ['users'], query: UserListQuery, response: Page(User) }),
}
