import type { FastifyRequest } from 'fastify'
import type { Deps } from '../deps'

/**
 * Absolute link into the case-room app (hash routing), for invitations and notifications:
 * PUBLIC_URL when configured, else the origin the request came in on.
 */
export function caseRoomLink(deps: Deps, req: FastifyRequest, hashPath: string): string {
  const base = deps.env.PUBLIC_URL ? deps.env.PUBLIC_URL.replace(/\/+$/, '') : `${req.protocol}://${req.host}`
  const corp = encodeURIComponent(deps.env.DINGTALK_CORP_ID)
  return `${base}/apps/case-room/?corpId=${corp}#${hashPath.startsWith('/') ? hashPath : `/${hashPath}`}`
}
