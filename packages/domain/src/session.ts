import { z } from 'zod'
import { IsoDateTime } from './ids'
import { Org, User } from './user'

/** Body of `POST /api/auth/dingtalk`: the one-time code from `requestAuthCode`. */
export const SignInWithCode = z.object({
  corpId: z.string().min(1).max(64),
  code: z.string().min(1).max(256),
})
export type SignInWithCode = z.infer<typeof SignInWithCode>

/** Body of `POST /api/auth/dev`: only served when dev sign-in is explicitly enabled. */
export const DevSignIn = z.object({
  userId: z.string().min(1).max(64),
})
export type DevSignIn = z.infer<typeof DevSignIn>

/** What the client learns about its session. The session id itself stays in an httpOnly cookie. */
export const Session = z.object({
  user: User,
  org: Org,
  /** Echo this in the `x-csrf-token` header of every write. */
  csrfToken: z.string().min(16),
  expiresAt: IsoDateTime,
  /** How the session was opened: a DingTalk auth code, the dev picker, or an external's one-time invitation link. */
  method: z.enum(['dingtalk', 'dev', 'invitation']),
})
export type Session = z.infer<typeof Session>

/** Public sign-in options, so the fallback picker knows whether it may show itself. */
export const AuthConfig = z.object({
  corpId: z.string(),
  devSignIn: z.boolean(),
  devUsers: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), title: z.string().nullable() })),
})
export type AuthConfig = z.infer<typeof AuthConfig>

/** Body of `POST /api/dingtalk/jsapi-signature`. */
export const JsapiSignatureRequest = z.object({ url: z.string().url().max(2048) })
/** What `dd.config` needs; the ticket never leaves the server. */
export const JsapiSignature = z.object({
  agentId: z.string(),
  corpId: z.string(),
  timeStamp: z.number().int(),
  nonceStr: z.string(),
  signature: z.string().regex(/^[0-9a-f]{40}$/),
})
export type JsapiSignature = z.infer<typeof JsapiSignature>
