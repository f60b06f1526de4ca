import { sha256 } from '../auth/sessions'
import type { TestApp } from '../testing'

/**
 * What an invitee does after opening the link, for server tests: ask for a code, read it where it
 * was delivered (the outbox for SMS / e-mail, the work notification for a directory person), and
 * accept with it. Tests of the refusals call the endpoints themselves.
 */

/** Ask for a code for `token`; the answer as the landing page gets it. */
export function requestCode(t: TestApp, token: string) {
  return t.app.inject({ method: 'POST', url: '/api/invitations/code', payload: { token } })
}

/** The last code delivered for the invitation of `token` (from the outbox or the DingTalk notification). */
export async function deliveredCode(t: TestApp, token: string): Promise<string> {
  const { rows } = await t.db.query<{ body: string }>(
    `SELECT body FROM (
       SELECT o.body, o.created_at FROM external_outbox o JOIN case_invitations i ON i.contact = o.address
        WHERE i.token_hash = $1 AND o.kind = 'case.invitation_code'
       UNION ALL
       SELECT n.body, n.created_at FROM notifications n JOIN case_invitations i ON i.directory_user_id = ANY(n.user_ids)
        WHERE i.token_hash = $1 AND n.kind = 'case.invitation_code'
     ) x ORDER BY created_at DESC LIMIT 1`,
    [sha256(token)],
  )
  const code = /\b(\d{6})\b/.exec(rows[0]?.body ?? '')?.[1]
  if (!code) throw new Error('no invitation code was delivered')
  return code
}

/** Accept with a given code. */
export function acceptWith(t: TestApp, token: string, code: string) {
  return t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, code } })
}

/** Ask for a code, read it and accept: the whole way in. */
export async function acceptInvitation(t: TestApp, token: string) {
  const sent = await requestCode(t, token)
  if (sent.statusCode !== 200) return sent
  return acceptWith(t, token, await deliveredCode(t, token))
}
