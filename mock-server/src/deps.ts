import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db } from './db/db'
import type { DingTalkClient } from './dingtalk/client'
import type { Env } from './env'
import type { BlobStore } from './storage/blob-store'
import type { JobHandler } from './jobs/queue'

/** What every route module is given. Passed in, never imported, so tests can swap any of it. */
export interface Deps {
  env: Env
  db: Db
  dingtalk: DingTalkClient
  blobs: BlobStore
  /** HMAC key for cookies and audit checkpoints. */
  secret: string
  now: () => Date
  /** Job kinds and their handlers; route modules add theirs, the server's worker runs them. */
  jobHandlers: Record<string, JobHandler>
}

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>
