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
  /**
   * The URL users open (scheme, host, optional port). Required in production: every link in a
   * notification and the JSAPI signature check come from it, never from a request's headers.
   * In development it defaults to `http://HOST:PORT`.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL')
    .optional(),
  /**
   * Addresses of the reverse proxies in front of the backend (comma-separated IPs or CIDRs, or
   * `loopback`); only their X-Forwarded-For / -Proto is believed. Unset: no proxy is trusted.
   */
  TRUST_PROXY: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** postgres://... of a real server; unset = embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  /** HMAC key of session cookies and audit checkpoints; generated into DATA_DIR when unset outside production. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(12 * 60),
  COOKIE_SAMESITE: z.enum(['none', 'lax', 'strict']).default('none'),
  /** Show the demo sign-in picker. Never enable it for a real firm. */
  DEV_SIGN_IN: bool.default(false),
  SEED_DEMO: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  DINGTALK_CORP_ID: z.string().default('dingdemocorp0001'),
  DINGTALK_AGENT_ID: z.string().default('3000000001'),
  DINGTALK_APP_KEY: z.string().default('demo-app-key'),
  DINGTALK_APP_SECRET: z.string().default('demo-app-secret'),
  /** Mount the DingTalk Open API simulator at /_sim/dingtalk and point the client at it (default: on except in production). */
  DINGTALK_SIMULATOR: bool.optional(),
  /** Expose the simulator's `/_test` hooks (mint sign-in codes, faults) over HTTP: the e2e fake DingTalk clients need them. */
  DINGTALK_SIM_TEST_HOOKS: bool.default(false),
  DINGTALK_API_BASE: z.string().url().default('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: z.string().url().default('https://oapi.dingtalk.com'),
  DINGTALK_TIMEOUT_MS: z.coerce.number().int().min(100).default(8000),
  /** Folder holding the built mini-apps (apps/<name>/dist); served under /apps/<name>/. */
  APPS_DIR: z.string().optional(),
  /** redis:// URL: rate-limit counters shared by every instance (see docs/OPERATIONS.md); unset = per process. */
  REDIS_URL: z.string().url().optional(),
})
/** The settings once defaults that depend on NODE_ENV are applied. */
export type Env = Omit<z.infer<typeof EnvSchema>, 'DINGTALK_SIMULATOR'> & { DINGTALK_SIMULATOR: boolean }

/** DingTalk settings whose built-in values only work against the simulator. */
const DEMO_DINGTALK = { DINGTALK_APP_KEY: 'demo-app-key', DINGTALK_APP_SECRET: 'demo-app-secret' } as const

/** Settings that are unsafe for a real firm: each names what goes wrong if production allowed it. */
function productionProblems(env: Env, source: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  if (!env.SESSION_SECRET) problems.push('SESSION_SECRET: required in production')
  if (!env.PUBLIC_URL)
    problems.push('PUBLIC_URL: required in production (links in notifications and JSAPI signatures come only from it)')
  if (env.DEV_SIGN_IN) problems.push('DEV_SIGN_IN: must be false in production (anyone could sign in as anyone)')
  if (env.SEED_DEMO) problems.push('SEED_DEMO: must be false in production (demo people and cases would be created)')
  if (env.DINGTALK_SIMULATOR)
    problems.push('DINGTALK_SIMULATOR: must be false in production (the simulator signs in whoever asks)')
  if (env.DINGTALK_SIM_TEST_HOOKS)
    problems.push('DINGTALK_SIM_TEST_HOOKS: must be false in production (the hooks mint sign-in codes for anyone)')
  for (const [name, demo] of Object.entries(DEMO_DINGTALK)) {
    if (!source[name] || source[name] === demo) problems.push(`${name}: set the firm's own value in production`)
  }
  return problems
}

/** Turn a schema result into a settings object, with the defaults that depend on NODE_ENV. */
function withDefaults(parsed: z.infer<typeof EnvSchema>): Env {
  return { ...parsed, DINGTALK_SIMULATOR: parsed.DINGTALK_SIMULATOR ?? parsed.NODE_ENV !== 'production' }
}

/** Parse settings for a test or a tool without the production checks (tests build their own apps). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return withDefaults(EnvSchema.parse(source))
}

/**
 * The public origin (no trailing slash): PUBLIC_URL, or in development `http://HOST:PORT`.
 * The only base of links the backend writes; a request's Host or X-Forwarded-* never is.
 */
export function publicBase(env: Pick<Env, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, '')
  return `http://${env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST}:${env.PORT}`
}

/** `TRUST_PROXY` as Fastify's `trustProxy` option: false, or the list of trusted proxy addresses. */
export function trustProxySetting(env: Pick<Env, 'TRUST_PROXY'>): false | string[] {
  const list = env.TRUST_PROXY.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return list.length ? list : false
}

/** Parse `process.env` (or a given record); throws one readable error listing every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = withDefaults(parsed.data)
  if (env.NODE_ENV === 'production') {
    const problems = productionProblems(env, source)
    if (problems.length) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  }
  return env
}
