import { randomBytes } from 'node:crypto'
import { makePdf } from '../src/testing/case-room'
import type { Answer, Session } from './client'

/** Case ids and people of the demo firm (packages/domain/src/testing/demo.ts), by what the attacks need them for. */
export const DEMO = {
  /** Chan (partner), Lee (associate), Cheung (staff); Ho is walled off it; client Tse and expert Fung see up to restricted. */
  case: 'case-hca-1234',
  /** Wong (partner), Ho (associate), client Leong (public only). */
  otherCase: 'case-dccj-5678',
  /** Chan and Wong; expert Fung's access there expired three days ago. */
  expiredCase: 'case-hcmp-0420',
} as const

/** A multipart/form-data body with one file part, as a browser sends an upload. */
export function multipartBody(filename: string, content: Buffer, mime: string): { raw: Buffer; contentType: string } {
  const boundary = `----attack${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  )
  return {
    raw: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/**
 * Upload a file into a tier of a case, asking the server to tell those who can see it (so every
 * upload also tests that no notification reaches someone it must not).
 */
export function upload(
  s: Session,
  caseId: string,
  tier: string,
  file: { name: string; bytes: Buffer; mime: string; title?: string },
): Promise<Answer> {
  const q = new URLSearchParams({ tier, notify: 'true', ...(file.title ? { title: file.title } : {}) })
  return s.send('POST', `/api/cases/${caseId}/documents?${q}`, multipartBody(file.name, file.bytes, file.mime))
}

/** {@link upload}, which must succeed; returns the new document's id. */
export async function uploadOk(
  s: Session,
  caseId: string,
  tier: string,
  file: { name: string; bytes: Buffer; mime: string; title?: string },
): Promise<string> {
  const a = await upload(s, caseId, tier, file)
  if (a.status !== 201) throw new Error(`upload of ${file.name} to ${tier} refused: ${a.status} ${a.text}`)
  return a.json<{ id: string }>().id
}

/** Items of one case that a route walk fills its path parameters with. */
export interface CaseItems {
  caseId: string
  privateDoc: string
  restrictedDoc: string
  publicDoc: string
  eventId: string
  invitationId: string
  hearingId: string
  deadlineId: string
  triggerId: string
}

/**
 * As a partner of `caseId`: one document per tier (a text file in private, PDFs elsewhere), a
 * timeline entry, a pending invitation, a hearing, a deadline and a trigger event, titled with `label` so a marker test can
 * look for them.
 */
export async function caseItems(partner: Session, caseId: string, label: string): Promise<CaseItems> {
  const pdf = await makePdf(1, label)
  const privateDoc = await uploadOk(partner, caseId, 'private', {
    name: `${label}-private.txt`,
    bytes: Buffer.from(`${label} private notes`),
    mime: 'text/plain',
    title: `${label} private`,
  })
  const restrictedDoc = await uploadOk(partner, caseId, 'restricted', {
    name: `${label}-restricted.pdf`,
    bytes: pdf,
    mime: 'application/pdf',
    title: `${label} restricted`,
  })
  const publicDoc = await uploadOk(partner, caseId, 'public', {
    name: `${label}-public.pdf`,
    bytes: await makePdf(1, `${label} public`),
    mime: 'application/pdf',
    title: `${label} public`,
  })
  const ev = await partner.post(`/api/cases/${caseId}/events`, {
    kind: 'milestone',
    title: `${label} milestone`,
    body: '',
    occursAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  })
  if (ev.status !== 201) throw new Error(`event refused: ${ev.status} ${ev.text}`)
  const date = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10)
  const inv = await partner.post(`/api/cases/${caseId}/invitations`, {
    name: `${label} invitee`,
    contact: 'invitee@example.org',
    role: 'client',
    tierCeiling: 'public',
    accessExpiry: { kind: 'date', date },
  })
  if (inv.status !== 201) throw new Error(`invitation refused: ${inv.status} ${inv.text}`)
  const hearing = await partner.post('/api/court-calendar/hearings', {
    caseId,
    court: 'High Court',
    type: 'mention',
    title: `${label} hearing`,
    startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  })
  if (hearing.status !== 201) throw new Error(`hearing refused: ${hearing.status} ${hearing.text}`)
  const due = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10)
  const deadline = await partner.post('/api/court-calendar/deadlines', {
    caseId,
    kind: 'fixed',
    title: `${label} deadline`,
    dueOn: due,
  })
  if (deadline.status !== 201) throw new Error(`deadline refused: ${deadline.status} ${deadline.text}`)
  const trigger = await partner.post('/api/court-calendar/triggers', {
    caseId,
    kind: 'writ_served',
    label: `${label} trigger`,
    occurredOn: new Date().toISOString().slice(0, 10),
  })
  if (trigger.status !== 201) throw new Error(`trigger refused: ${trigger.status} ${trigger.text}`)
  return {
    caseId,
    privateDoc,
    restrictedDoc,
    publicDoc,
    eventId: ev.json<{ id: string }>().id,
    invitationId: inv.json<{ invitation: { id: string } }>().invitation.id,
    hearingId: hearing.json<{ id: string }>().id,
    deadlineId: deadline.json<{ id: string }>().id,
    triggerId: trigger.json<{ id: string }>().id,
  }
}
