import { randomBytes, randomInt } from 'node:crypto'
import { Agent, request, type IncomingHttpHeaders } from 'node:http'
import { inject } from 'vitest'
import { DEMO_USERS } from '@suite/domain/testing'
import type { SimMessage, SimUser } from '../src/simulator/state'
import type { AttackTarget } from './setup'

/**
 * The attacker's side: raw HTTP to the suite's port (node:http, so Host and every other header
 * is exactly what the test says), sessions as a browser holds them, and the harness's view of
 * the fake DingTalk (codes it mints, messages it received).
 */

const agent = new Agent({ keepAlive: true, maxSockets: 8 })

/** One HTTP answer, read whole. */
export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
  /** The error code of an ErrorBody answer, if any. */
  code: string | undefined
  json<T = any>(): T // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What to send: a JSON body, or raw bytes with their content type. */
export interface Send {
  headers?: Record<string, string>
  json?: unknown
  raw?: Buffer | string
  contentType?: string
}

/** One request to `base`; never throws for an HTTP status. */
export function call(base: string, method: string, path: string, send: Send = {}): Promise<Answer> {
  const url = new URL(path, base)
  const headers: Record<string, string> = { ...send.headers }
  let payload: Buffer | undefined
  if (send.json !== undefined) {
    payload = Buffer.from(JSON.stringify(send.json))
    headers['content-type'] ??= 'application/json'
  }
  if (send.raw !== undefined) {
    payload = Buffer.from(send.raw)
    if (send.contentType) headers['content-type'] = send.contentType
  }
  if (payload) headers['content-length'] = String(payload.length)
  return new Promise((done, fail) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method, path: `${url.pathname}${url.search}`, headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', fail)
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          const text = body.toString('utf8')
          let code: string | undefined
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code
          } catch {
            /* not JSON */
          }
          done({ status: res.statusCode ?? 0, headers: res.headers, body, text, code, json: () => JSON.parse(text) })
        })
      },
    )
    req.on('error', fail)
    req.end(payload)
  })
}

/** The servers the global setup started. */
export function target(name: 'demo' | 'production'): AttackTarget {
  return inject('targets')[name]
}

/** A signed-in browser: its session cookie and CSRF token, sent with every request. */
export class Session {
  constructor(
    readonly t: AttackTarget,
    readonly userId: string,
    readonly cookie: string,
    readonly csrf: string,
    readonly name = userId,
  ) {}

  /** Headers a browser of this session sends (the CSRF header on writes). */
  headers(method = 'GET', extra: Record<string, string> = {}): Record<string, string> {
    return {
      cookie: this.cookie,
      ...(method === 'GET' || method === 'HEAD' ? {} : { 'x-csrf-token': this.csrf }),
      ...extra,
    }
  }

  send(method: string, path: string, send: Send = {}): Promise<Answer> {
    return call(this.t.baseURL, method, path, { ...send, headers: this.headers(method, send.headers) })
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.send('GET', path, { headers })
  }
  post(path: string, json?: unknown, headers: Record<string, string> = {}) {
    return this.send('POST', path, { json, headers })
  }
  put(path: string, json?: unknown) {
    return this.send('PUT', path, { json })
  }
  patch(path: string, json?: unknown) {
    return this.send('PATCH', path, { json })
  }
  delete(path: string) {
    return this.send('DELETE', path)
  }
}

/** The session cookie (`suite_sid=…`) a sign-in answer set. */
export function sessionCookie(a: Answer): string {
  const set = ([] as string[]).concat(a.headers['set-cookie'] ?? [])
  const c = set.find((s) => s.startsWith('suite_sid='))
  if (!c) throw new Error(`no session cookie in ${a.status} ${a.text}`)
  return c.split(';')[0]!
}

function sessionFrom(t: AttackTarget, userId: string, a: Answer): Session {
  if (a.status !== 200) throw new Error(`sign-in of ${userId} on ${t.name} failed: ${a.status} ${a.text}`)
  const body = a.json<{
    csrfToken: string
    session?: { csrfToken: string; user: { id: string; name: string } }
    user?: { id: string; name: string }
  }>()
  const user = body.session?.user ?? body.user!
  return new Session(t, user.id, sessionCookie(a), body.session?.csrfToken ?? body.csrfToken, user.name)
}

/** The fake DingTalk mints a one-time sign-in code, as the DingTalk client would on the user's phone. */
export async function mintCode(t: AttackTarget, dingtalkUserId: string): Promise<string> {
  const a = await call(t.dingtalkURL, 'POST', '/_test/auth-codes', { json: { userid: dingtalkUserId } })
  if (a.status !== 200)
    throw new Error(`fake DingTalk would not mint a code for ${dingtalkUserId}: ${a.status} ${a.text}`)
  return a.json<{ code: string }>().code
}

/** Sign in through DingTalk: a fresh code for the person, exchanged by the suite. */
export async function signInDingTalk(
  t: AttackTarget,
  dingtalkUserId: string,
  headers: Record<string, string> = {},
): Promise<Session> {
  const code = await mintCode(t, dingtalkUserId)
  return sessionFrom(
    t,
    dingtalkUserId,
    await call(t.baseURL, 'POST', '/api/auth/dingtalk', { json: { corpId: t.corpId, code }, headers }),
  )
}

/** Sign a seeded firm member in: the demo picker on the demo server, DingTalk in production. */
export async function signIn(t: AttackTarget, userId: string): Promise<Session> {
  if (t.name === 'demo')
    return sessionFrom(t, userId, await call(t.baseURL, 'POST', '/api/auth/dev', { json: { userId } }))
  const u = DEMO_USERS.find((x) => x.id === userId)
  if (!u?.dingtalkUserId) throw new Error(`${userId} cannot sign in through DingTalk; use signInExternal`)
  return signInDingTalk(t, u.dingtalkUserId)
}

/**
 * An existing external member comes in by a one-time sign-in link a partner of the case sent
 * (production has no other way for them); on the demo server through the picker.
 */
export async function signInExternal(
  t: AttackTarget,
  partner: Session,
  caseId: string,
  userId: string,
): Promise<Session> {
  if (t.name === 'demo') return signIn(t, userId)
  const link = await partner.post(`/api/cases/${caseId}/members/${userId}/sign-in-link`, { linkValidHours: 1 })
  if (link.status !== 201) throw new Error(`sign-in link for ${userId} refused: ${link.status} ${link.text}`)
  return sessionFrom(
    t,
    userId,
    await call(t.baseURL, 'POST', '/api/sign-in-links/redeem', {
      json: { token: link.json<{ token: string }>().token },
    }),
  )
}

/**
 * A partner invites a new outsider to a case; they confirm with the one-time code and accept at
 * once. Returns their session. The outsider is put in the fake DingTalk's directory first, so the
 * code reaches them where the attacker's harness can read it (a work notification).
 */
export async function inviteExternal(
  partner: Session,
  caseId: string,
  name: string,
  o: {
    role?: 'client' | 'external_expert'
    tierCeiling?: 'public' | 'restricted'
    headers?: Record<string, string>
  } = {},
): Promise<Session> {
  const invitee = await directoryInvitee(partner.t, name)
  const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  const inv = await partner.send('POST', `/api/cases/${caseId}/invitations`, {
    json: {
      name,
      role: o.role ?? 'client',
      tierCeiling: o.tierCeiling ?? 'restricted',
      accessExpiry: { kind: 'date', date },
      linkValidHours: 1,
      contact: invitee.contact,
      directoryUserId: invitee.userId,
    },
    headers: o.headers ?? {},
  })
  if (inv.status !== 201) throw new Error(`invitation refused: ${inv.status} ${inv.text}`)
  return sessionFrom(
    partner.t,
    name,
    await acceptInvitation(partner.t, inv.json<{ token: string }>().token, invitee.dingtalkUserId),
  )
}

/** A person of the firm's DingTalk directory to invite: known to the suite, their phone, their DingTalk id. */
export interface DirectoryInvitee {
  userId: string
  dingtalkUserId: string
  contact: string
}

/** Put a new person in the fake DingTalk's directory and let them sign in once, so the suite knows them. */
export async function directoryInvitee(t: AttackTarget, name: string): Promise<DirectoryInvitee> {
  const dingtalkUserId = `inv-${randomBytes(6).toString('hex')}`
  await addDingTalkUser(t, dingtalkUserId, name)
  const s = await signInDingTalk(t, dingtalkUserId)
  return { userId: s.userId, dingtalkUserId, contact: `+852 9${String(randomInt(0, 10_000_000)).padStart(7, '0')}` }
}

/** The one-time code the suite sent a directory invitee in DingTalk (the newest one). */
export async function invitationCodeIn(t: AttackTarget, dingtalkUserId: string, after = 0): Promise<string> {
  return waitFor(`an invitation code for ${dingtalkUserId}`, async () => {
    const codes = (await messagesTo(t, dingtalkUserId))
      .slice(after)
      .map((m) => /(?:code is|驗證碼是|验证码是)\s*(\d{6})/.exec(JSON.stringify(m.msg))?.[1])
      .filter((c): c is string => c !== undefined)
    return codes.at(-1)
  })
}

/** The invitee's side of a link: ask for a code, read it in their DingTalk, accept with it. */
export async function acceptInvitation(t: AttackTarget, token: string, dingtalkUserId: string): Promise<Answer> {
  const before = (await messagesTo(t, dingtalkUserId)).length
  const sent = await call(t.baseURL, 'POST', '/api/invitations/code', { json: { token } })
  if (sent.status !== 200) return sent
  const code = await invitationCodeIn(t, dingtalkUserId, before)
  return call(t.baseURL, 'POST', '/api/invitations/accept', { json: { token, code } })
}

/** Add a person to the fake DingTalk's directory (a new hire; their first sign-in creates them in the suite). */
export async function addDingTalkUser(t: AttackTarget, userid: string, name: string, admin = false): Promise<void> {
  const u: SimUser = {
    userid,
    unionid: `union-${userid}`,
    name,
    title: 'Attack fixture',
    avatar: '',
    dept_id_list: [1, 102],
    admin,
    active: true,
  }
  const a = await call(t.dingtalkURL, 'POST', '/_test/users', { json: u })
  if (a.status !== 200) throw new Error(`fake DingTalk refused user ${userid}: ${a.status}`)
}

/** Work notifications the fake DingTalk received (for one DingTalk user id, when given). */
export async function messagesTo(t: AttackTarget, dingtalkUserId?: string): Promise<SimMessage[]> {
  const all = (await call(t.dingtalkURL, 'GET', '/_test/state')).json<{ messages: SimMessage[] }>().messages
  return dingtalkUserId ? all.filter((m) => m.userid === dingtalkUserId) : all
}

/** Poll `probe` until it returns something truthy (the job queue delivers notifications in the background). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

/** Audit entries matching a query, read as the compliance officer. */
export async function auditEntries(officer: Session, query: Record<string, string>): Promise<AuditRow[]> {
  const a = await officer.get(`/api/audit?${new URLSearchParams({ limit: '500', ...query })}`)
  if (a.status !== 200) throw new Error(`audit query refused: ${a.status} ${a.text}`)
  return a.json<{ items: AuditRow[] }>().items
}

/** An audit entry as `GET /api/audit` answers it. */
export interface AuditRow {
  seq: number
  at: string
  actorId: string | null
  actorName: string | null
  action: string
  targetType: string | null
  targetId: string | null
  caseId: string | null
  requestId: string | null
  detail: Record<string, unknown>
}

/** A unique marker string for planting and searching. */
export const marker = (label: string) =>
  `ZZ${label.toUpperCase()}${Math.random().toString(36).slice(2, 10).toUpperCase()}QQ`
