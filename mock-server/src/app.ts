import Fastify from 'fastify'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { App, Deps } from './deps'
import { trustProxySetting } from './env'
import { installErrorHandler } from './http/error-handler'
import { appLink } from './http/links'
import { installAuthContext } from './http/auth-context'
import { installInputGuard } from './http/input-guard'
import { installExternalReadAudit } from './http/external-reads'
import { routeModules } from './routes'
import { refuseUndefinedRoutes } from './http/endpoint'
import { notifyHandler } from './jobs/notify'

export type { App, Deps } from './deps'

/** Options that only the process entry point sets. */
export interface BuildOptions {
  logger?: boolean | Record<string, unknown>
  /** Extra plugins registered last (static apps, the simulator mount). */
  extend?: (app: App) => Promise<void>
  /**
   * Keep rate-limit counters in Redis (`REDIS_URL`) instead of this process's memory, so
   * several instances behind a load balancer share one limit per client.
   */
  rateLimitRedis?: Redis
  /** Key prefix of those counters (tests isolate themselves with their own). */
  rateLimitNamespace?: string
}

/**
 * Build the backend. `server.ts` listens; tests call `app.inject()` with no open port.
 */
export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: deps.env.BODY_LIMIT_BYTES,
    // Only the configured proxies' X-Forwarded-* are believed: otherwise a client could choose
    // the IP that rate limits and the audit log record, and the host links would be built on.
    trustProxy: trustProxySetting(deps.env),
    // The audit chain stores this id: it is always the server's own, never a client's header.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })
  installErrorHandler(app, appLink(deps.env, 'portal', '/'))

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        // The DingTalk PC client shows mini-apps inside its own frame.
        frameAncestors: ["'self'", 'https://*.dingtalk.com'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    frameguard: false,
    crossOriginEmbedderPolicy: false,
  })
  await app.register(cookie, { secret: deps.secret })
  // Uploads are streamed (`req.file()`), never buffered whole; each route passes its own limits too.
  await app.register(multipart, { limits: { fileSize: deps.env.UPLOAD_LIMIT_BYTES } })
  // In memory per instance by default; with Redis one budget per client across all instances.
  // Redis unreachable: the limit is skipped (and logged) rather than failing every sign-in.
  await app.register(rateLimit, {
    global: false,
    ...(opts.rateLimitRedis
      ? { redis: opts.rateLimitRedis, nameSpace: opts.rateLimitNamespace ?? 'suite-rate-limit:', skipOnError: true }
      : {}),
  })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'DingTalk legal suite API',
        version: '0.1.0',
        description: 'Reference backend of the suite. Every body is validated with the @suite/domain schemas.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'suite_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })

  // Every /api route comes from an endpoint definition in @suite/domain (docs/ARCHITECTURE.md).
  refuseUndefinedRoutes(app)
  installAuthContext(app, deps.db, deps.now)
  installInputGuard(app)
  installExternalReadAudit(app, deps.db)

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await deps.db.query('SELECT 1')
    return { status: 'ok' }
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  deps.jobHandlers['dingtalk.notify'] = notifyHandler(deps.dingtalk)
  for (const register of routeModules) await register(app, deps)
  if (opts.extend) await opts.extend(app)
  await app.ready()
  return app
}
