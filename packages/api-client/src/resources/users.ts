import { usersApi, type Page, type User, type UserListQuery } from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/** The firm's directory. */
export function usersResource(http: Http) {
  return {
    /** One page of users; pass `nextCursor` back as `cursor` for the next. */
    list: (query: UserListQuery = {}, opts?: RequestOptions): Promise<Page<User>> =>
      http.call(usersApi.list, { query }, opts),
  }
}

/** The `users` resource of an `ApiClient`. */
export type UsersResource = ReturnType<typeof usersResource>
