import type { FastifyInstance } from 'fastify'
import type { App } from '../deps'

/**
 * Serve the simulator under `prefix` of the main app, so the demo needs one port and the
 * e2e fake DingTalk clients can mint auth codes from the page's own origin.
 */
export function mountSimulator(app: App, sim: FastifyInstance, prefix = '/_sim/dingtalk'): void {
  app.all(`${prefix}/*`, { schema: { hide: true } }, async (req, reply) => {
    const url = req.url.slice(prefix.length) || '/'
    const headers = { ...req.headers }
    delete headers['content-length']
    delete headers.host
    const res = await sim.inject({
      method: req.method as 'GET',
      url,
      headers: headers as Record<string, string>,
      ...(req.body !== undefined && req.body !== null ? { payload: JSON.stringify(req.body) } : {}),
    })
    reply.code(res.statusCode)
    const type = res.headers['content-type']
    if (type) reply.header('content-type', type)
    return reply.send(res.body)
  })
}
