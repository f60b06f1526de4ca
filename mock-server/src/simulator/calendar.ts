import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SimEvent, SimState } from './state'

interface Helpers {
  newAuth: (req: FastifyRequest, reply: FastifyReply) => boolean
  newErr: (reply: FastifyReply, status: number, code: string, message: string) => FastifyReply
}

type EventBody = Partial<Omit<SimEvent, 'id' | 'unionId' | 'status' | 'createTime' | 'updateTime'>>

const DAY_MS = 86_400_000

function validate(b: EventBody, creating: boolean): string | null {
  if (creating && (!b.summary || !b.start || !b.end)) return 'summary, start and end are required'
  if (b.summary !== undefined && (typeof b.summary !== 'string' || b.summary.length > 2048))
    return 'summary must be at most 2048 characters'
  if (b.description !== undefined && (typeof b.description !== 'string' || b.description.length > 5000))
    return 'description must be at most 5000 characters'
  for (const t of [b.start, b.end]) {
    if (t && !t.date && !t.dateTime) return 'start and end need date or dateTime'
  }
  return null
}

/** Calendar events of the organizer `unionId`'s primary calendar, with `x-client-token` idempotency. */
export function registerCalendarRoutes(app: FastifyInstance, state: SimState, h: Helpers): void {
  const base = '/v1.0/calendar/users/:unionId/calendars/:calendarId/events'
  type P = { unionId: string; calendarId: string; eventId?: string }

  app.post(base, async (req, reply) => {
    if (!h.newAuth(req, reply)) return reply
    const { unionId } = req.params as P
    const b = (req.body ?? {}) as EventBody
    const bad = validate(b, true)
    if (bad) return h.newErr(reply, 400, 'invalidParameter', bad)
    const clientToken = req.headers['x-client-token']
    const key = typeof clientToken === 'string' ? `${unionId}:${clientToken}` : null
    const seen = key ? state.clientTokens.get(key) : undefined
    if (seen && seen.expiresAt > Date.now()) {
      const ev = state.events.get(seen.eventId)
      if (ev) return ev
    }
    const now = new Date().toISOString()
    const ev: SimEvent = {
      id: state.id('ev'),
      unionId,
      summary: b.summary!,
      description: b.description ?? '',
      start: b.start!,
      end: b.end!,
      isAllDay: Boolean(b.isAllDay),
      attendees: b.attendees ?? [],
      reminders: b.reminders ?? [],
      status: 'confirmed',
      createTime: now,
      updateTime: now,
      ...(b.location ? { location: b.location } : {}),
      ...(b.extra ? { extra: b.extra } : {}),
    }
    state.events.set(ev.id, ev)
    if (key) state.clientTokens.set(key, { eventId: ev.id, expiresAt: Date.now() + DAY_MS })
    return ev
  })

  app.put(`${base}/:eventId`, async (req, reply) => {
    if (!h.newAuth(req, reply)) return reply
    const { unionId, eventId } = req.params as P
    const ev = state.events.get(eventId!)
    if (!ev || ev.unionId !== unionId || ev.status === 'cancelled')
      return h.newErr(reply, 404, 'eventNotFound', 'event not found')
    const b = (req.body ?? {}) as EventBody
    const bad = validate(b, false)
    if (bad) return h.newErr(reply, 400, 'invalidParameter', bad)
    Object.assign(ev, b, { updateTime: new Date().toISOString() })
    return ev
  })

  app.delete(`${base}/:eventId`, async (req, reply) => {
    if (!h.newAuth(req, reply)) return reply
    const { unionId, eventId } = req.params as P
    const ev = state.events.get(eventId!)
    if (!ev || ev.unionId !== unionId || ev.status === 'cancelled')
      return h.newErr(reply, 404, 'eventNotFound', 'event not found')
    ev.status = 'cancelled'
    ev.updateTime = new Date().toISOString()
    return reply.code(200).send()
  })

  app.get(base, async (req, reply) => {
    if (!h.newAuth(req, reply)) return reply
    const { unionId } = req.params as P
    const q = req.query as { timeMin?: string; timeMax?: string; nextToken?: string; maxResults?: string }
    const max = Math.min(Number(q.maxResults ?? 100) || 100, 100)
    const from = Number(q.nextToken ?? 0) || 0
    const startOf = (e: SimEvent) => e.start.dateTime ?? e.start.date ?? ''
    const all = [...state.events.values()]
      .filter((e) => e.unionId === unionId && e.status !== 'cancelled')
      .filter((e) => !q.timeMin || startOf(e) >= q.timeMin.slice(0, startOf(e).length))
      .filter((e) => !q.timeMax || startOf(e) < q.timeMax.slice(0, Math.max(startOf(e).length, 10)))
      .sort((a, b) => startOf(a).localeCompare(startOf(b)))
    const events = all.slice(from, from + max)
    return { events, ...(from + max < all.length ? { nextToken: String(from + max) } : {}) }
  })
}
