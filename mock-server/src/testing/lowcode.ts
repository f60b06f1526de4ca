import type { TestApp, TestCredentials } from './index'
import { stepUpWithDingTalk } from './step-up'

/**
 * Publish `body` as the next version of a low-code document the way an administrator does in
 * the admin app: save the draft, read its hash, step up with DingTalk, publish. Throws with the
 * server's answer when a step fails; returns the published version.
 */
export async function publishAsAdmin(
  t: TestApp,
  creds: TestCredentials,
  kind: string,
  key: string,
  body: unknown,
): Promise<{ version: number; body: Record<string, unknown> }> {
  const url = `/api/lowcode/documents/${kind}/${key}`
  const draft = await t.app.inject({
    method: 'PUT',
    url: `${url}/draft`,
    headers: creds.headers,
    payload: { body: body as object },
  })
  if (draft.statusCode !== 200) throw new Error(`draft refused: ${draft.statusCode} ${draft.body}`)
  await stepUpWithDingTalk(t, creds)
  const pub = await t.app.inject({
    method: 'POST',
    url: `${url}/publish`,
    headers: creds.headers,
    payload: { draftHash: draft.json<{ bodyHash: string }>().bodyHash },
  })
  if (pub.statusCode !== 200) throw new Error(`publish refused: ${pub.statusCode} ${pub.body}`)
  return pub.json()
}
