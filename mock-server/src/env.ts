import { z } from 'zod'

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1')

/**
 * Every setting the backend reads, parsed once at start. The README's configuration table
 * is this schema in prose; keep the two together.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Public URL users open; used to check JSAPI signature URLs and to print the start banner. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** postgres://... of a real server; unset = embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  /** HMAC key of session cookies and audit checkpoints; generated into DATA_DIR when unset outside production. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(12 * 60),
  COOKIE_SAMESITE: z.enum(['none', 'lax', 'strict']).default('none'),
  /** Show the demo sign-in picker. Never enable it for a real firm. */
  DEV_SIGN_IN: bool.default(false),
  SEED_DEMO: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  DINGTALK_CORP_ID: z.string().default('dingdemocorp0001'),
  DINGTALK_AGENT_ID: z.string().default('3000000001'),
  DINGTALK_APP_KEY: z.string().default('demo-app-key'),
  DINGTALK_APP_SECRET: z.string().default('demo-app-secret'),
  /** Mount the DingTalk Open API simulator at /_sim/dingtalk and point the client at it. */
  DINGTALK_SIMULATOR: bool.default(true),
  DINGTALK_API_BASE: z.string().url().default('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: z.string().url().default('https://oapi.dingtalk.com'),
  DINGTALK_TIMEOUT_MS: z.coerce.number().int().min(100).default(8000),
  /** Folder holding the built mini-apps (apps/<name>/dist); served under /apps/<name>/. */
  APPS_DIR: z.string().optional(),
  /** redis:// URL: rate-limit counters shared by every instance (see docs/OPERATIONS.md); unset = per process. */
  REDIS_URL: z.string().url().optional(),
})
export type Env = z.infer<typeof EnvSchema>

/** Parse `process.env` (or a given record); throws one readable error listing every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production')
  if (env.NODE_ENV === 'production' && env.DEV_SIGN_IN) throw new Error('Invalid configuration:\n  DEV_SIGN_IN: must be false in production')
  return env
}
