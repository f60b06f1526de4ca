import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { SimState, type SimUser } from './state'
import { registerCalendarRoutes } from './calendar'

/** Options of {@link buildSimulator}. */
export interface SimulatorOptions {
  corpId: string
  appKey: string
  appSecret: string
  users: SimUser[]
  /** Extra departments for the directory sync: id -> name (1 is the root). */
  departments?: Record<number, string>
  seed?: number
  logger?: boolean
  /**
   * Register the `/_test` routes (mint auth codes for anyone, inject faults, reset, read state).
   * Only tests and the e2e fake clients want them; a running suite exposes them only when
   * `DINGTALK_SIM_TEST_HOOKS` is set, and production never.
   */
  testHooks?: boolean
}

const CODE_TTL_MS = 5 * 60_000
const TOKEN_TTL_S = 7200

/**
 * A stand-in for DingTalk's Open API with its documented shapes: new-style routes on
 * `/v1.0/...` (token header, HTTP errors `{code, message, requestid}`), old-style on
 * `/topapi/...` (`?access_token=`, HTTP 200 `{errcode, errmsg}`). Routes under `/_test`
 * let tests and the e2e fake clients mint auth codes, inject faults and read state.
 */
export function buildSimulator(opts: SimulatorOptions): { app: FastifyInstance; state: SimState } {
  const state = new SimState(opts.seed)
  for (const u of opts.users) state.users.set(u.userid, u)
  const departments = opts.departments ?? { 1: 'Firm' }
  const app = Fastify({ logger: opts.logger ?? false })
  const rid = () => state.id('sim-')

  const oldErr = (reply: FastifyReply, errcode: number, errmsg: string) =>
    reply.code(200).send({ errcode, errmsg, request_id: rid() })
  const newErr = (reply: FastifyReply, status: number, code: string, message: string) =>
    reply.code(status).send({ code, message, requestid: rid() })
  const isOld = (req: FastifyRequest) =>
    req.url.startsWith('/topapi') || req.url.startsWith('/user') || req.url.startsWith('/message')

  // Fault injection, QPS limit and call counting apply to every DingTalk route (not /_test).
  const windowCounts = new Map<string, { second: number; n: number }>()
  const heldAnswers = new WeakMap<FastifyRequest, number>()
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/_test')) return
    const path = req.url
      .split('?')[0]!
      .replace(/\/events\/[^/]+$/, '/events/:id')
      .replace(/\/users\/[^/]+\//, '/users/:unionId/')
    state.calls.set(path, (state.calls.get(path) ?? 0) + 1)
    if (
      req.method !== 'GET' &&
      !path.includes('accessToken') &&
      !path.includes('getuserinfo') &&
      !path.includes('user/get')
    )
      state.writeCalls++
    state.quotaUsed++
    if (state.quotaUsed > state.monthlyQuota) {
      return isOld(req)
        ? oldErr(reply, 90020, '已超过开放平台月调用量')
        : newErr(reply, 403, 'Forbidden.AccessDenied.MonthlyQuota', 'monthly quota exceeded (90020)')
    }
    if (state.qpsLimit > 0) {
      const second = Math.floor(Date.now() / 1000)
      const w = windowCounts.get(path)
      if (!w || w.second !== second) windowCounts.set(path, { second, n: 1 })
      else if (++w.n > state.qpsLimit) return rateLimited(req, reply)
    }
    const f = state.faults
    if (f.mode === 'none' || (f.paths.length && !f.paths.some((p) => req.url.startsWith(p)))) return
    if (state.random() >= f.probability) return
    if (f.mode === 'rate_limit') return rateLimited(req, reply)
    if (f.mode === 'server_error')
      return isOld(req)
        ? oldErr(reply, -1, '系统繁忙')
        : newErr(reply, 503, 'ServiceUnavailable', 'The service is temporarily unavailable')
    if (f.mode === 'timeout') {
      await new Promise((r) => setTimeout(r, f.delayMs))
      return newErr(reply, 504, 'GatewayTimeout', 'timeout')
    }
    if (f.mode === 'slow_success') heldAnswers.set(req, f.delayMs)
  })
  // 'slow_success': the route has done its work; only the answer is late.
  app.addHook('onSend', async (req, _reply, payload) => {
    const ms = heldAnswers.get(req)
    if (ms) await new Promise((r) => setTimeout(r, ms))
    return payload
  })
  function rateLimited(req: FastifyRequest, reply: FastifyReply) {
    return isOld(req)
      ? oldErr(reply, 90002, '服务器当前请求量过大，请稍后再试')
      : newErr(reply, 429, 'Forbidden.AccessDenied.QpsLimitForApi', 'QPS limit exceeded (90002)')
  }

  const tokenValid = (t: unknown) => typeof t === 'string' && (state.tokens.get(t) ?? 0) > Date.now()
  const oldAuth = (req: FastifyRequest, reply: FastifyReply) => {
    if (!tokenValid((req.query as Record<string, unknown>).access_token)) {
      oldErr(reply, 40014, '不合法的access_token')
      return false
    }
    return true
  }
  const newAuth = (req: FastifyRequest, reply: FastifyReply) => {
    if (!tokenValid(req.headers['x-acs-dingtalk-access-token'])) {
      newErr(reply, 401, 'InvalidAuthentication', '不合法的access_token')
      return false
    }
    return true
  }

  app.post('/v1.0/oauth2/accessToken', async (req, reply) => {
    const b = (req.body ?? {}) as { appKey?: string; appSecret?: string }
    if (b.appKey !== opts.appKey || b.appSecret !== opts.appSecret)
      return newErr(reply, 400, 'invalidClientIdOrSecret', '无效的clientId或者clientSecret')
    const token = state.id('at')
    state.tokens.set(token, Date.now() + TOKEN_TTL_S * 1000)
    return { accessToken: token, expireIn: TOKEN_TTL_S }
  })

  app.post('/v1.0/oauth2/jsapiTickets', async (req, reply) => {
    if (!newAuth(req, reply)) return reply
    const ticket = state.id('tk')
    state.tickets.set(ticket, Date.now() + TOKEN_TTL_S * 1000)
    return { jsapiTicket: ticket, expireIn: TOKEN_TTL_S }
  })

  app.post('/topapi/v2/user/getuserinfo', async (req, reply) => {
    if (!oldAuth(req, reply)) return reply
    const code = (req.body as { code?: unknown } | undefined)?.code
    const entry = typeof code === 'string' ? state.codes.get(code) : undefined
    if (!entry || entry.used || entry.expiresAt < Date.now()) return oldErr(reply, 40078, '不存在的临时授权码')
    entry.used = true
    const u = state.users.get(entry.userid)
    if (!u) return oldErr(reply, 60121, '找不到该用户')
    return {
      errcode: 0,
      errmsg: 'ok',
      request_id: rid(),
      result: {
        userid: u.userid,
        unionid: u.unionid,
        name: u.name,
        sys: u.admin,
        sys_level: u.admin ? 1 : 0,
        device_id: 'sim-device',
      },
    }
  })

  app.post('/topapi/v2/user/get', async (req, reply) => {
    if (!oldAuth(req, reply)) return reply
    const id = (req.body as { userid?: unknown } | undefined)?.userid
    const u = typeof id === 'string' ? state.users.get(id) : undefined
    if (!u) return oldErr(reply, 60121, '找不到该用户')
    return { errcode: 0, errmsg: 'ok', request_id: rid(), result: { ...u, active: u.active } }
  })

  app.post('/topapi/v2/department/listsub', async (req, reply) => {
    if (!oldAuth(req, reply)) return reply
    const parent = Number((req.body as { dept_id?: unknown } | undefined)?.dept_id ?? 1)
    const result =
      parent === 1
        ? Object.entries(departments)
            .filter(([id]) => id !== '1')
            .map(([id, name]) => ({ dept_id: Number(id), name, parent_id: 1 }))
        : []
    return { errcode: 0, errmsg: 'ok', request_id: rid(), result }
  })

  app.post('/topapi/v2/user/list', async (req, reply) => {
    if (!oldAuth(req, reply)) return reply
    const b = (req.body ?? {}) as { dept_id?: number; cursor?: number; size?: number }
    const size = Math.min(Math.max(Number(b.size ?? 50), 1), 100)
    const cursor = Number(b.cursor ?? 0)
    const all = [...state.users.values()].filter((u) => u.dept_id_list.includes(Number(b.dept_id ?? 1)))
    const page = all.slice(cursor, cursor + size)
    const hasMore = cursor + size < all.length
    return {
      errcode: 0,
      errmsg: 'ok',
      request_id: rid(),
      result: { has_more: hasMore, next_cursor: hasMore ? cursor + size : undefined, list: page },
    }
  })

  app.post('/topapi/message/corpconversation/asyncsend_v2', async (req, reply) => {
    if (!oldAuth(req, reply)) return reply
    const b = (req.body ?? {}) as { agent_id?: unknown; userid_list?: unknown; msg?: unknown }
    if (typeof b.userid_list !== 'string' || !b.userid_list || typeof b.msg !== 'object' || !b.msg)
      return oldErr(reply, 40035, '缺少参数 userid_list 或 msg')
    const taskId = state.nextTaskId()
    const day = new Date().toISOString().slice(0, 10)
    const body = JSON.stringify(b.msg)
    for (const userid of b.userid_list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const dup = state.messages.some(
        (m) => m.userid === userid && m.at.slice(0, 10) === day && JSON.stringify(m.msg) === body,
      )
      state.messages.push({
        taskId,
        agentId: String(b.agent_id ?? ''),
        userid,
        msg: b.msg as Record<string, unknown>,
        at: new Date().toISOString(),
        delivered: !dup,
      })
    }
    return { errcode: 0, errmsg: 'ok', task_id: taskId, request_id: rid() }
  })

  registerCalendarRoutes(app, state, { newAuth, newErr })

  if (opts.testHooks) registerTestHooks(app, state, opts.corpId)
  return { app, state }
}

/** What a DingTalk client (or a test) would cause on DingTalk's side. */
function registerTestHooks(app: FastifyInstance, state: SimState, corpId: string): void {
  app.post('/_test/auth-codes', async (req, reply) => {
    const b = (req.body ?? {}) as { userid?: string; corpId?: string }
    if (b.corpId && b.corpId !== corpId) return reply.code(400).send({ error: 'wrong corpId' })
    if (!b.userid || !state.users.has(b.userid)) return reply.code(404).send({ error: 'unknown userid' })
    const code = state.id('code')
    state.codes.set(code, { userid: b.userid, expiresAt: Date.now() + CODE_TTL_MS, used: false })
    return { code }
  })
  app.post('/_test/faults', async (req) => {
    const b = (req.body ?? {}) as Partial<SimState['faults']> & { qpsLimit?: number; monthlyQuota?: number | null }
    state.faults = {
      mode: b.mode ?? 'none',
      probability: b.probability ?? 1,
      paths: b.paths ?? [],
      delayMs: b.delayMs ?? 30_000,
    }
    if (b.qpsLimit !== undefined) state.qpsLimit = b.qpsLimit
    if (b.monthlyQuota !== undefined) state.monthlyQuota = b.monthlyQuota ?? Number.POSITIVE_INFINITY
    return { faults: state.faults, qpsLimit: state.qpsLimit }
  })
  app.post('/_test/users', async (req) => {
    const u = req.body as SimUser
    state.users.set(u.userid, u)
    return { ok: true }
  })
  app.post('/_test/reset', async () => {
    state.reset()
    return { ok: true }
  })
  app.get('/_test/state', async () => ({
    events: [...state.events.values()],
    messages: state.messages,
    calls: Object.fromEntries(state.calls),
    writeCalls: state.writeCalls,
    quotaUsed: state.quotaUsed,
  }))
}
