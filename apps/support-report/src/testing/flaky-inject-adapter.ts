import type { ApiClientOptions } from '@suite/api-client'

type Adapter = NonNullable<ApiClientOptions['adapter']>
type AdapterConfig = Parameters<Adapter>[0]

/** The part of a Fastify app the harness drives: `inject`, no open port. */
export interface Injectable {
  inject(opts: {
    method: string
    url: string
    headers: Record<string, string>
    payload?: string | Buffer
  }): PromiseLike<{ statusCode: number; statusMessage?: string; headers: Record<string, unknown>; body: string }>
}

/** Probabilities of each way a request fails, per request. */
export interface FlakyOptions {
  /** Lost on the way out: the server never sees it. */
  dropBefore: number
  /** Processed by the server, then the answer is lost. */
  dropAfter: number
  /** A proxy answers 503 without passing it on. */
  gatewayError: number
  random: () => number
  /** Sent with every request (the session cookie a browser would send). */
  cookie: string
}

/** What happened to the requests that went through the harness. */
export interface FlakyStats {
  requests: number
  droppedBefore: number
  droppedAfter: number
  gatewayErrors: number
  delivered: number
}

/** An error shaped like axios' own network error, which the api client maps to `network_error`. */
function networkError(config: AdapterConfig, message: string) {
  return Object.assign(new Error(message), {
    isAxiosError: true,
    code: 'ERR_NETWORK',
    config,
    toJSON: () => ({ message }),
  })
}

function headersOf(config: AdapterConfig): Record<string, string> {
  const raw = config.headers as unknown as { toJSON?: () => Record<string, unknown> } & Record<string, unknown>
  const plain = typeof raw?.toJSON === 'function' ? raw.toJSON() : (raw ?? {})
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(plain))
    if (v !== undefined && v !== null && v !== false) out[k.toLowerCase()] = String(v)
  return out
}

/**
 * An axios adapter that sends requests into a Fastify app with `inject()`, through a network
 * that fails at random: requests lost before the server, answers lost after it processed the
 * request, and 503s from a "proxy". Used to prove the outbox loses nothing and duplicates nothing.
 */
export function flakyInjectAdapter(app: Injectable, o: FlakyOptions): { adapter: Adapter; stats: FlakyStats } {
  const stats: FlakyStats = { requests: 0, droppedBefore: 0, droppedAfter: 0, gatewayErrors: 0, delivered: 0 }
  const adapter = (async (config: AdapterConfig) => {
    stats.requests++
    const base = new URL(config.baseURL ?? 'http://app.test/api', 'http://app.test')
    const url = new URL(`${base.pathname.replace(/\/$/, '')}${config.url ?? ''}`, base)
    for (const [k, v] of Object.entries((config.params ?? {}) as Record<string, unknown>))
      if (v !== undefined) url.searchParams.set(k, String(v))
    const headers = { ...headersOf(config), cookie: o.cookie }
    let payload: string | Buffer | undefined
    if (typeof config.data === 'string') payload = config.data
    else if (config.data instanceof Blob) payload = Buffer.from(await config.data.arrayBuffer())
    else if (config.data !== undefined && config.data !== null) payload = JSON.stringify(config.data)

    const roll = o.random()
    if (roll < o.dropBefore) {
      stats.droppedBefore++
      throw networkError(config, 'connection reset before the request was sent')
    }
    if (roll < o.dropBefore + o.gatewayError) {
      stats.gatewayErrors++
      const response = {
        data: { error: { code: 'upstream_unavailable', message: 'Bad gateway', fields: [], requestId: null } },
        status: 503,
        statusText: 'Service Unavailable',
        headers: {},
        config,
        request: {},
      }
      throw Object.assign(new Error('Request failed with status code 503'), {
        isAxiosError: true,
        code: 'ERR_BAD_RESPONSE',
        config,
        response,
      })
    }
    const res = await app.inject({
      method: (config.method ?? 'get').toUpperCase(),
      url: `${url.pathname}${url.search}`,
      headers,
      ...(payload === undefined ? {} : { payload }),
    })
    if (roll < o.dropBefore + o.gatewayError + o.dropAfter) {
      stats.droppedAfter++
      throw networkError(config, 'connection reset before the answer arrived')
    }
    stats.delivered++
    const response = {
      data: res.body,
      status: res.statusCode,
      statusText: res.statusMessage ?? '',
      headers: res.headers,
      config,
      request: {},
    }
    const ok = config.validateStatus
      ? config.validateStatus(res.statusCode)
      : res.statusCode >= 200 && res.statusCode < 300
    if (!ok)
      throw Object.assign(new Error(`Request failed with status code ${res.statusCode}`), {
        isAxiosError: true,
        code: 'ERR_BAD_REQUEST',
        config,
        response: { ...response, data: JSON.parse(res.body || 'null') },
      })
    return response
  }) as Adapter
  return { adapter, stats }
}

/** A small seeded generator, so a failing run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
