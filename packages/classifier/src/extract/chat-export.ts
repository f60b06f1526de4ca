/**
 * DingTalk chat export (JSON). DingTalk has no single documented export file, so this reads
 * the shapes seen in practice: a top-level array of messages, or an object with `messages`
 * (optionally inside `data`), each message with a sender, a time and its content:
 *
 * ```json
 * { "conversation": { "title": "陳氏 v 李氏" },
 *   "messages": [
 *     { "sender": { "name": "陳大文" }, "time": "2025-04-17T09:30:00+08:00", "msgType": "text", "content": "請核對身份證 A123456(3)" },
 *     { "senderName": "Amy", "createAt": 1744853400000, "msgtype": "text", "text": { "content": "OK 👍" } },
 *     { "sender": "李", "time": "…", "msgType": "richText", "content": { "richText": [{ "text": "付款" }] } },
 *     { "sender": "李", "time": "…", "msgType": "file", "content": { "fileName": "合約.pdf" } } ] }
 * ```
 *
 * The extracted text is the message texts joined with newlines; offsets refer to it.
 */

type Json = unknown

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The text of one message's content, whatever its message type. */
function contentText(v: Json): string | null {
  if (typeof v === 'string') return v
  if (Array.isArray(v)) {
    const parts = v.map(contentText).filter((s): s is string => s !== null)
    return parts.length ? parts.join('') : null
  }
  if (!isObject(v)) return null
  for (const key of ['text', 'content', 'richText', 'markdown', 'title', 'fileName', 'name']) {
    if (key in v) {
      const t = contentText(v[key])
      if (t !== null) return t
    }
  }
  return null
}

function messageText(m: Record<string, Json>): string | null {
  return contentText(m.content ?? m.text ?? m.markdown ?? m.body ?? null)
}

const looksLikeMessage = (m: Json): m is Record<string, Json> =>
  isObject(m) &&
  ('content' in m || 'text' in m || 'markdown' in m || 'body' in m) &&
  ('sender' in m || 'senderName' in m || 'senderId' in m || 'senderStaffId' in m || 'from' in m) &&
  ('time' in m || 'createAt' in m || 'createTime' in m || 'timestamp' in m || 'sendTime' in m)

/** The message list of a chat export, or null when `doc` is not one. */
export function chatMessages(doc: Json): Record<string, Json>[] | null {
  const list = Array.isArray(doc)
    ? doc
    : isObject(doc) && Array.isArray(doc.messages)
      ? doc.messages
      : isObject(doc) && isObject(doc.data) && Array.isArray(doc.data.messages)
        ? doc.data.messages
        : null
  if (!list || list.length === 0 || !list.every(looksLikeMessage)) return null
  return list
}

/** The messages' texts joined with newlines, or null when `jsonText` is not a chat export. */
export function extractChatExport(jsonText: string): string | null {
  let doc: Json
  try {
    doc = JSON.parse(jsonText)
  } catch {
    return null
  }
  const messages = chatMessages(doc)
  if (!messages) return null
  return messages.map((m) => messageText(m) ?? '').join('\n')
}
