import { randomBytes } from 'node:crypto'

/** A person in the simulated DingTalk org directory. */
export interface SimUser {
  userid: string
  unionid: string
  name: string
  title: string
  avatar: string
  dept_id_list: number[]
  admin: boolean
  active: boolean
}

/** A calendar event as DingTalk stores it. */
export interface SimEvent {
  id: string
  unionId: string
  summary: string
  description: string
  start: { dateTime?: string; timeZone?: string; date?: string }
  end: { dateTime?: string; timeZone?: string; date?: string }
  isAllDay: boolean
  location?: { displayName: string }
  attendees: { id: string; isOptional?: boolean }[]
  reminders: { method: string; minutes: number }[]
  extra?: Record<string, string>
  status: 'confirmed' | 'cancelled'
  createTime: string
  updateTime: string
}

/** A work notification as received. `delivered` is false for same-day duplicates, as DingTalk does. */
export interface SimMessage {
  taskId: number
  agentId: string
  userid: string
  msg: Record<string, unknown>
  at: string
  delivered: boolean
}

/** Faults the simulator injects so the backend's retries can be tested. */
export interface SimFaults {
  /**
   * `timeout`: the call hangs for `delayMs`, then fails without being carried out.
   * `slow_success`: the call IS carried out, but its answer is held for `delayMs`, so a client
   * with a shorter timeout gives up on work DingTalk did (the case that creates duplicates).
   */
  mode: 'none' | 'rate_limit' | 'server_error' | 'timeout' | 'slow_success'
  /** Share of calls that fail, 0..1. */
  probability: number
  /** Fail only calls whose path starts with one of these. */
  paths: string[]
  /** How long a 'timeout' call hangs, or a 'slow_success' answer is held. */
  delayMs: number
}

/** Everything the simulator remembers. In memory on purpose: it stands in for DingTalk's side. */
export class SimState {
  users = new Map<string, SimUser>()
  tokens = new Map<string, number>()
  codes = new Map<string, { userid: string; expiresAt: number; used: boolean }>()
  tickets = new Map<string, number>()
  events = new Map<string, SimEvent>()
  /** `${unionId}:${clientToken}` -> event id, for one day. */
  clientTokens = new Map<string, { eventId: string; expiresAt: number }>()
  messages: SimMessage[] = []
  calls = new Map<string, number>()
  writeCalls = 0
  quotaUsed = 0
  faults: SimFaults = { mode: 'none', probability: 1, paths: [], delayMs: 30_000 }
  /** Calls per second allowed per API path (0 = unlimited). */
  qpsLimit = 0
  monthlyQuota = Number.POSITIVE_INFINITY
  private taskSeq = 1000
  private rng: () => number

  constructor(seed = 42) {
    this.rng = mulberry32(seed)
  }

  random(): number {
    return this.rng()
  }
  nextTaskId(): number {
    return ++this.taskSeq
  }
  id(prefix: string): string {
    return `${prefix}${randomBytes(12).toString('hex')}`
  }

  reset(): void {
    this.tokens.clear()
    this.codes.clear()
    this.tickets.clear()
    this.events.clear()
    this.clientTokens.clear()
    this.messages = []
    this.calls.clear()
    this.writeCalls = 0
    this.quotaUsed = 0
    this.faults = { mode: 'none', probability: 1, paths: [], delayMs: 30_000 }
    this.qpsLimit = 0
    this.monthlyQuota = Number.POSITIVE_INFINITY
  }
}

/** Small seeded PRNG so fault injection is repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
