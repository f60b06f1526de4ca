import type { FastifyInstance } from 'fastify'

/**
 * A `fetch` that answers from a Fastify app through `inject()`, with no open port. Tests hand
 * it to the DingTalk client so the client's real HTTP code runs against the simulator.
 */
export function injectFetch(app: FastifyInstance, base: string): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    const prefix = new URL(base)
    const path = url.pathname.startsWith(prefix.pathname)
      ? url.pathname.slice(prefix.pathname.replace(/\/$/, '').length) || '/'
      : url.pathname
    const signal = init?.signal
    const run = app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: path + url.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(init?.body ? { payload: String(init.body) } : {}),
    })
    const res = await (signal
      ? Promise.race([
          run,
          new Promise<never>((_, reject) => {
            if (signal.aborted) reject(signal.reason)
            signal.addEventListener('abort', () => reject(signal.reason), { once: true })
          }),
        ])
      : run)
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: Object.entries(res.headers).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, String(v)] as [string, string]],
      ),
    })
  }) as typeof fetch
}
