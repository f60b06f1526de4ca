import { randomUUID } from 'node:crypto'
import type { Locale } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { DingTalkClient } from '../dingtalk/client'
import { enqueue, type JobHandler } from './queue'
import { escapeMarkdown, escapeMarkdownLine, foldLine } from './markdown'
import { OPEN_BUTTON, type Text } from './messages'

/** One work notification to send. */
export interface NotificationInput {
  /** Suite user ids; people without a DingTalk account (externals) are skipped and recorded. */
  userIds: string[]
  kind: string
  title: string
  body: string
  /** Link opened from the message (a mini-app page). */
  link?: string | null
  caseId?: string | null
  /** Same key twice = one notification (e.g. `reminder:<deadline>:7d`). */
  dedupeKey?: string
  /** The language title and body are written in; the button is labelled in it too. `zh-HK` unless said. */
  locale?: Locale
}

/** A notification whose text is written per recipient language. */
export interface LocalisedNotification extends Omit<NotificationInput, 'title' | 'body' | 'locale'> {
  /** The text in one language, from the area's message catalogue. */
  text: (locale: Locale) => Text
}

/**
 * Queue a notification to each recipient in their own language (their `users.locale`): one
 * notification per language among them, each with the catalogue's text in that language.
 * Returns the ids of the notifications queued.
 */
export async function notifyEach(q: Queryable, n: LocalisedNotification): Promise<string[]> {
  if (!n.userIds.length) return []
  const { rows } = await q.query<{ id: string; locale: Locale }>(
    'SELECT id, locale FROM users WHERE id = ANY($1::text[])',
    [n.userIds],
  )
  const byLocale = new Map<Locale, string[]>()
  for (const r of rows) byLocale.set(r.locale, [...(byLocale.get(r.locale) ?? []), r.id])
  const ids: string[] = []
  for (const [locale, userIds] of byLocale) {
    const { text, ...rest } = n
    const id = await notify(q, {
      ...rest,
      ...text(locale),
      userIds,
      locale,
      dedupeKey: n.dedupeKey ? `${n.dedupeKey}:${locale}` : undefined,
    })
    if (id) ids.push(id)
  }
  return ids
}

/**
 * Queue a DingTalk work notification in the caller's transaction. Each message carries its own
 * id, because DingTalk accepts but silently drops the same content sent to a user twice a day.
 */
export async function notify(q: Queryable, n: NotificationInput): Promise<string | null> {
  if (!n.userIds.length) return null
  const id = randomUUID()
  const jobId = await enqueue(
    q,
    'dingtalk.notify',
    { notificationId: id },
    { dedupeKey: n.dedupeKey ? `notify:${n.dedupeKey}` : `notify:${id}` },
  )
  if (jobId === null) return null
  await q.query(
    'INSERT INTO notifications (id, user_ids, kind, title, body, link, case_id, locale) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      id,
      n.userIds,
      n.kind,
      n.title.slice(0, 200),
      n.body.slice(0, 4000),
      n.link ?? null,
      n.caseId ?? null,
      n.locale ?? 'zh-HK',
    ],
  )
  return id
}

/** The job handler that delivers queued notifications through the backend's DingTalk client. */
export function notifyHandler(dingtalk: DingTalkClient): JobHandler {
  return async (job, { db }) => {
    const id = String(job.payload.notificationId)
    const n = (
      await db.query<{
        user_ids: string[]
        title: string
        body: string
        link: string | null
        status: string
        locale: Locale
      }>('SELECT user_ids, title, body, link, status, locale FROM notifications WHERE id = $1', [id])
    ).rows[0]
    if (!n || n.status === 'sent') return
    const { rows } = await db.query<{ dingtalk_user_id: string }>(
      'SELECT dingtalk_user_id FROM users WHERE id = ANY($1::text[]) AND active AND dingtalk_user_id IS NOT NULL',
      [n.user_ids],
    )
    if (!rows.length) {
      await db.query("UPDATE notifications SET status = 'skipped' WHERE id = $1", [id])
      return
    }
    // Titles and bodies carry people's words (comments, document titles): escaped, they cannot
    // become a link or a heading in a message the firm sends. The only link is the app's own.
    const title = foldLine(n.title)
    const markdown = `### ${escapeMarkdownLine(n.title)}\n\n${escapeMarkdown(n.body)}\n\n(#${id.slice(0, 8)})`
    const msg = n.link
      ? {
          msgtype: 'action_card',
          action_card: {
            title,
            markdown,
            single_title: OPEN_BUTTON[n.locale] ?? OPEN_BUTTON['zh-HK'],
            single_url: n.link,
          },
        }
      : { msgtype: 'markdown', markdown: { title, text: markdown } }
    const { taskId } = await dingtalk.sendWorkNotification(
      rows.map((r) => r.dingtalk_user_id),
      msg,
    )
    await db.query("UPDATE notifications SET status = 'sent', task_id = $2, sent_at = now() WHERE id = $1", [
      id,
      taskId,
    ])
  }
}
