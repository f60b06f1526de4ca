/**
 * The backend's DingTalk Open API client. It talks to the real hosts or to the simulator by
 * configuration alone (base URLs); there is no second code path.
 */

/** Why a DingTalk call failed. `rejected` is a definite "no" (bad code, unknown user). */
export type DingTalkFailure =
  'rate_limited' | 'quota_exceeded' | 'unavailable' | 'timeout' | 'rejected' | 'unauthorized'

/** One error type for every DingTalk failure. */
export class DingTalkApiError extends Error {
  constructor(
    readonly kind: DingTalkFailure,
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'DingTalkApiError'
  }
  /** True when a later retry may succeed. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable' || this.kind === 'timeout'
  }
}

/** Settings of {@link createDingTalkClient}. */
export interface DingTalkClientOptions {
  apiBase: string
  oapiBase: string
  appKey: string
  appSecret: string
  agentId: string
  timeoutMs?: number
  /** Attempts per call on rate limit / 5xx / timeout (first try included). */
  maxAttempts?: number
  retryBaseMs?: number
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
}

/** User fields from `topapi/v2/user/get`. */
export interface DingTalkUser {
  userid: string
  unionid: string
  name: string
  avatar?: string
  title?: string
  dept_id_list?: number[]
  admin?: boolean
  active?: boolean
}

/** A calendar event body as DingTalk takes it. */
export interface CalendarEventInput {
  summary: string
  description?: string
  start: { dateTime?: string; timeZone?: string; date?: string }
  end: { dateTime?: string; timeZone?: string; date?: string }
  isAllDay?: boolean
  location?: { displayName: string }
  attendees?: { id: string; isOptional?: boolean }[]
  reminders?: { method: 'dingtalk'; minutes: number }[]
  extra?: Record<string, string>
}

/** Counters a caller can read to budget against the monthly quota. */
export interface DingTalkMetrics {
  calls: number
  retries: number
  failures: number
}

export type DingTalkClient = ReturnType<typeof createDingTalkClient>

/** Build a client. Tokens are cached until a minute before expiry; concurrent refreshes share one request. */
export function createDingTalkClient(o: DingTalkClientOptions) {
  const doFetch = o.fetch ?? fetch
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const maxAttempts = o.maxAttempts ?? 4
  const retryBase = o.retryBaseMs ?? 250
  const timeoutMs = o.timeoutMs ?? 8000
  const metrics: DingTalkMetrics = { calls: 0, retries: 0, failures: 0 }
  let token: { value: string; until: number } | null = null
  let tokenFlight: Promise<string> | null = null
  let ticket: { value: string; until: number } | null = null

  async function once(url: string, init: RequestInit, style: 'new' | 'old'): Promise<unknown> {
    metrics.calls++
    let res: Response
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    } catch (e) {
      const name = (e as Error).name
      throw new DingTalkApiError(
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unavailable',
        'network',
        `DingTalk unreachable: ${(e as Error).message}`,
        0,
      )
    }
    const text = await res.text()
    let body: Record<string, unknown> = {}
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    } catch {
      /* non-JSON: judged by status below */
    }
    if (style === 'old' && res.ok) {
      const errcode = Number(body.errcode ?? 0)
      if (errcode === 0) return body
      const msg = String(body.errmsg ?? 'error')
      if (errcode === 90002) throw new DingTalkApiError('rate_limited', '90002', msg, 200)
      if (errcode === 90020) throw new DingTalkApiError('quota_exceeded', '90020', msg, 200)
      if (errcode === -1) throw new DingTalkApiError('unavailable', '-1', msg, 200)
      if (errcode === 40014 || errcode === 42001) throw new DingTalkApiError('unauthorized', String(errcode), msg, 200)
      throw new DingTalkApiError('rejected', String(errcode), msg, 200)
    }
    if (res.ok) return body
    const code = String(body.code ?? res.status)
    const msg = String(body.message ?? body.errmsg ?? res.statusText)
    if (res.status === 429 || code.includes('QpsLimit') || code === '90002')
      throw new DingTalkApiError('rate_limited', code, msg, res.status)
    if (code.includes('MonthlyQuota') || code === '90020')
      throw new DingTalkApiError('quota_exceeded', code, msg, res.status)
    if (res.status >= 500) throw new DingTalkApiError('unavailable', code, msg, res.status)
    if (res.status === 401) throw new DingTalkApiError('unauthorized', code, msg, res.status)
    throw new DingTalkApiError('rejected', code, msg, res.status)
  }

  /** One call with retries on rate limit / 5xx / timeout and a token refresh on `unauthorized`. */
  async function call(
    build: (token: string | null) => { url: string; init: RequestInit },
    style: 'new' | 'old',
    needsToken = true,
  ): Promise<unknown> {
    let refreshed = false
    for (let attempt = 1; ; attempt++) {
      const t = needsToken ? await accessToken() : null
      const { url, init } = build(t)
      try {
        return await once(url, init, style)
      } catch (e) {
        const err = e as DingTalkApiError
        if (err.kind === 'unauthorized' && needsToken && !refreshed) {
          token = null
          refreshed = true
          attempt--
          continue
        }
        if (!err.retryable || attempt >= maxAttempts) {
          metrics.failures++
          throw err
        }
        metrics.retries++
        await sleep(retryBase * 2 ** (attempt - 1) * (0.5 + Math.random()))
      }
    }
  }

  const json = (method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const oldUrl = (path: string, t: string | null) => `${o.oapiBase}${path}?access_token=${encodeURIComponent(t ?? '')}`
  const newHeaders = (t: string | null) => ({ 'x-acs-dingtalk-access-token': t ?? '' })

  async function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return token.value
    tokenFlight ??= (async () => {
      try {
        const r = (await call(
          () => ({
            url: `${o.apiBase}/v1.0/oauth2/accessToken`,
            init: json('POST', { appKey: o.appKey, appSecret: o.appSecret }),
          }),
          'new',
          false,
        )) as { accessToken: string; expireIn: number }
        token = { value: r.accessToken, until: Date.now() + (r.expireIn - 60) * 1000 }
        return r.accessToken
      } finally {
        tokenFlight = null
      }
    })()
    return tokenFlight
  }

  const calendarPath = (unionId: string, eventId?: string) =>
    `${o.apiBase}/v1.0/calendar/users/${encodeURIComponent(unionId)}/calendars/primary/events${eventId ? `/${encodeURIComponent(eventId)}` : ''}`

  return {
    metrics,
    agentId: o.agentId,
    accessToken,
    /** Exchange a one-time auth code from `requestAuthCode` for the user's id. */
    async userInfoByCode(code: string): Promise<{ userid: string; unionid: string; name: string }> {
      const r = (await call(
        (t) => ({ url: oldUrl('/topapi/v2/user/getuserinfo', t), init: json('POST', { code }) }),
        'old',
      )) as { result: { userid: string; unionid: string; name: string } }
      return r.result
    },
    /** Read one user's directory entry. */
    async getUser(userid: string, language = 'zh_CN'): Promise<DingTalkUser> {
      const r = (await call(
        (t) => ({ url: oldUrl('/topapi/v2/user/get', t), init: json('POST', { userid, language }) }),
        'old',
      )) as { result: DingTalkUser }
      return r.result
    },
    /** Sub-departments of a department (1 = root). */
    async listDepartments(deptId = 1): Promise<{ dept_id: number; name: string }[]> {
      const r = (await call(
        (t) => ({ url: oldUrl('/topapi/v2/department/listsub', t), init: json('POST', { dept_id: deptId }) }),
        'old',
      )) as { result: { dept_id: number; name: string }[] }
      return r.result
    },
    /** All users of a department, following cursors. */
    async listDepartmentUsers(deptId: number): Promise<DingTalkUser[]> {
      const out: DingTalkUser[] = []
      let cursor: number | undefined = 0
      while (cursor !== undefined) {
        const c: number = cursor
        const r = (await call(
          (t) => ({
            url: oldUrl('/topapi/v2/user/list', t),
            init: json('POST', { dept_id: deptId, cursor: c, size: 100 }),
          }),
          'old',
        )) as { result: { has_more: boolean; next_cursor?: number; list: DingTalkUser[] } }
        out.push(...r.result.list)
        cursor = r.result.has_more ? r.result.next_cursor : undefined
      }
      return out
    },
    /** The JSAPI ticket, cached; it never leaves the server. */
    async jsapiTicket(): Promise<string> {
      if (ticket && ticket.until > Date.now()) return ticket.value
      const r = (await call(
        (t) => ({ url: `${o.apiBase}/v1.0/oauth2/jsapiTickets`, init: json('POST', {}, newHeaders(t)) }),
        'new',
      )) as { jsapiTicket: string; expireIn: number }
      ticket = { value: r.jsapiTicket, until: Date.now() + (r.expireIn - 60) * 1000 }
      return r.jsapiTicket
    },
    /** Send a work notification; put a unique id in `msg` (DingTalk drops same-day duplicates). */
    async sendWorkNotification(userIds: string[], msg: Record<string, unknown>): Promise<{ taskId: number }> {
      const r = (await call(
        (t) => ({
          url: oldUrl('/topapi/message/corpconversation/asyncsend_v2', t),
          init: json('POST', { agent_id: o.agentId, userid_list: userIds.join(','), msg }),
        }),
        'old',
      )) as { task_id: number }
      return { taskId: r.task_id }
    },
    calendar: {
      /** Create an event; `clientToken` makes the create idempotent for one day. */
      async create(unionId: string, ev: CalendarEventInput, clientToken?: string): Promise<{ id: string }> {
        return (await call(
          (t) => ({
            url: calendarPath(unionId),
            init: json('POST', ev, { ...newHeaders(t), ...(clientToken ? { 'x-client-token': clientToken } : {}) }),
          }),
          'new',
        )) as { id: string }
      },
      async update(unionId: string, eventId: string, ev: Partial<CalendarEventInput>): Promise<{ id: string }> {
        return (await call(
          (t) => ({ url: calendarPath(unionId, eventId), init: json('PUT', ev, newHeaders(t)) }),
          'new',
        )) as { id: string }
      },
      async remove(unionId: string, eventId: string): Promise<void> {
        await call(
          (t) => ({ url: calendarPath(unionId, eventId), init: { method: 'DELETE', headers: newHeaders(t) } }),
          'new',
        )
      },
      async list(
        unionId: string,
        q: { timeMin?: string; timeMax?: string; nextToken?: string } = {},
      ): Promise<{ events: ({ id: string } & CalendarEventInput)[]; nextToken?: string }> {
        const qs = new URLSearchParams(
          Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][],
        ).toString()
        return (await call(
          (t) => ({
            url: `${calendarPath(unionId)}${qs ? `?${qs}` : ''}`,
            init: { method: 'GET', headers: newHeaders(t) },
          }),
          'new',
        )) as { events: ({ id: string } & CalendarEventInput)[]; nextToken?: string }
      },
    },
  }
}
