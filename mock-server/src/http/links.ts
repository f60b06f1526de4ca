import { publicBase, type Env } from '../env'

/** The mini-apps a link can open. */
export type SuiteApp = 'portal' | 'case-room' | 'court-calendar' | 'data-classifier' | 'support-report' | 'admin'

/**
 * Absolute link to a page of a mini-app (hash routing), for invitations and work notifications.
 * Built only from the configured public URL: a request's Host or X-Forwarded-Host never reaches
 * a link the firm sends, so a client cannot point a partner's "Open" button at another site.
 */
export function appLink(
  env: Pick<Env, 'PUBLIC_URL' | 'HOST' | 'PORT' | 'DINGTALK_CORP_ID'>,
  app: SuiteApp,
  hashPath: string,
): string {
  const hash = hashPath.startsWith('/') ? hashPath : `/${hashPath}`
  return `${publicBase(env)}/apps/${app}/?corpId=${encodeURIComponent(env.DINGTALK_CORP_ID)}#${hash}`
}

/** Absolute URL of a backend path (the iCalendar feed), from the public URL only. */
export function publicUrlOf(env: Pick<Env, 'PUBLIC_URL' | 'HOST' | 'PORT'>, path: string): string {
  return `${publicBase(env)}${path.startsWith('/') ? path : `/${path}`}`
}
