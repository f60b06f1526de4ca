import { z } from 'zod'
import { Page, PageQuery, User } from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/**
 * Query of `GET /users`: a page of the internal directory, optionally filtered by `q`.
 * (Belongs in @suite/domain once the server validates with it.)
 */
export const UserListQuery = PageQuery.extend({ q: z.string().max(200).optional() })
/** What a caller passes to `users.list` (`limit` may be left out). */
export type UserListQuery = z.input<typeof UserListQuery>

const UserPage = Page(User)

/** `/users`: the firm's directory. */
export function usersResource(http: Http) {
  return {
    /** One page of users; pass `nextCursor` back as `cursor` for the next. */
    list: (query: UserListQuery = {}, opts?: RequestOptions): Promise<Page<User>> =>
      http.request(UserPage, { url: '/users', params: query }, opts),
  }
}

/** The `users` resource of an `ApiClient`. */
export type UsersResource = ReturnType<typeof usersResource>
