import { z } from 'zod'
import {
  casesApi, CaseComment, CaseEvent, CaseMemberView, CaseRoomEntered, DevicesSignedOut, DocumentDetail, DocumentSummary, DocumentViewLog, Invitation,
  InvitationAccepted, InvitationCreated, Page, SignInLinkCreated,
  type CaseCreate, type CaseEventCreate, type CaseEventUpdate, type CaseUpdate, type CommentCreate, type DocumentListQuery, type DocumentMove,
  type DocumentUpdate, type InvitationCreate, type MemberAdd, type PageViewBeacon, type Session, type SignInLinkCreate, type Tier, type WallCreate,
} from '@suite/domain'
import { NoContent, type Http, type RequestOptions } from '../http'

const MemberList = z.object({ items: z.array(CaseMemberView) })
const InvitationList = z.object({ items: z.array(Invitation) })
const EventList = z.object({ items: z.array(CaseEvent) })
const CommentList = z.object({ items: z.array(CaseComment) })
const DocumentPage = Page(DocumentSummary)
/** A page image: bytes from either the browser (ArrayBuffer) or Node (Buffer) adapter, handed out as a Blob. */
const ImageBlob = z
  .custom<ArrayBuffer | ArrayBufferView>((v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v), 'Expected image bytes')
  .transform((b) => new Blob([b as BlobPart], { type: 'image/jpeg' }))

/** What a comment hangs on: a document, a timeline entry, or a tier's discussion thread. */
export type CommentTarget = { type: 'document'; id: string } | { type: 'event'; id: string } | { type: 'thread'; tier: Tier }

const enc = encodeURIComponent
const caseUrl = (caseId: string) => `/cases/${enc(caseId)}`
const docUrl = (caseId: string, docId: string) => `${caseUrl(caseId)}/documents/${enc(docId)}`
const commentsUrl = (caseId: string, t: CommentTarget) =>
  `${caseUrl(caseId)}/${t.type === 'document' ? `documents/${enc(t.id)}` : t.type === 'event' ? `events/${enc(t.id)}` : `threads/${t.tier}`}/comments`

/**
 * The virtual case room: one case and the caller's abilities in it, members and walls,
 * invitations, the timeline, documents (upload, watermarked page images, moves, view log)
 * and comments. Every answer is parsed with the @suite/domain schema.
 */
export function caseRoomResource(http: Http) {
  /** Keep the CSRF token of a session opened by accepting an invitation, a sign-in link or re-entry. */
  const remember = <T extends { session: Session }>(s: T): T => { http.setCsrfToken(s.session.csrfToken); return s }

  return {
    /** One case with the caller's visible tiers and allowed actions (404 when they may not know it). */
    get: (caseId: string, opts?: RequestOptions) => http.call(casesApi.get, { params: { caseId } }, opts),
    /** Open a case (partners). */
    create: (body: CaseCreate, opts?: RequestOptions) => http.call(casesApi.create, { body }, opts),
    /** Change status, title or client name. */
    update: (caseId: string, body: CaseUpdate, opts?: RequestOptions) => http.call(casesApi.update, { params: { caseId }, body }, opts),
    /** "Restrict to internal": suspend (true) or re-admit (false, needs a step-up) every external member. */
    restrict: (caseId: string, restricted: boolean, opts?: RequestOptions) => http.call(casesApi.restrict, { params: { caseId }, body: { restricted } }, opts),

    members: {
      list: (caseId: string, opts?: RequestOptions) => http.request(MemberList, { url: `${caseUrl(caseId)}/members` }, opts).then((r) => r.items),
      /** Add firm members by suite id or by DingTalk userid (from the contact picker). */
      add: (caseId: string, body: MemberAdd, opts?: RequestOptions) =>
        http.request(MemberList, { method: 'POST', url: `${caseUrl(caseId)}/members`, data: body }, opts).then((r) => r.items),
      /** Revoke at once. */
      revoke: (caseId: string, userId: string, opts?: RequestOptions) =>
        http.request(NoContent, { method: 'DELETE', url: `${caseUrl(caseId)}/members/${enc(userId)}` }, opts),
      wall: (caseId: string, body: WallCreate, opts?: RequestOptions) =>
        http.request(CaseMemberView, { method: 'POST', url: `${caseUrl(caseId)}/walls`, data: body }, opts),
      /** Lift a wall (needs a step-up; the person gets no access back by it). */
      liftWall: (caseId: string, userId: string, opts?: RequestOptions) =>
        http.request(NoContent, { method: 'DELETE', url: `${caseUrl(caseId)}/walls/${enc(userId)}` }, opts),
      /** A one-time sign-in link for an existing external member (partners); the token in the answer is shown once. */
      signInLink: (caseId: string, userId: string, body: SignInLinkCreate = {}, opts?: RequestOptions) =>
        http.request(SignInLinkCreated, { method: 'POST', url: `${caseUrl(caseId)}/members/${enc(userId)}/sign-in-link`, data: body }, opts),
      /** End an external's saved device access, unused sign-in links and sessions; the membership stays. */
      signOutDevices: (caseId: string, userId: string, opts?: RequestOptions) =>
        http.request(DevicesSignedOut, { method: 'DELETE', url: `${caseUrl(caseId)}/members/${enc(userId)}/devices` }, opts),
    },

    /**
     * Open a new session with this browser's device re-entry credential (an httpOnly cookie left
     * by accepting an invitation or a sign-in link). 401 when the browser has none, or it no
     * longer opens the case room. Never retried: each credential works once and is replaced.
     */
    reEnter: async (opts?: RequestOptions) =>
      remember(await http.request(CaseRoomEntered, { method: 'POST', url: '/case-room/re-entry', data: {} }, opts)),
    /** Forget this browser's re-entry credential (on sign-out, so signing out sticks). */
    forgetDevice: (opts?: RequestOptions) => http.request(NoContent, { method: 'POST', url: '/case-room/re-entry/forget', data: {} }, opts),

    signInLinks: {
      /** Use a partner's one-time sign-in link: a session for the existing external member. */
      redeem: async (token: string, opts?: RequestOptions) =>
        remember(await http.request(CaseRoomEntered, { method: 'POST', url: '/sign-in-links/redeem', data: { token } }, opts)),
    },

    invitations: {
      list: (caseId: string, opts?: RequestOptions) => http.request(InvitationList, { url: `${caseUrl(caseId)}/invitations` }, opts).then((r) => r.items),
      /** Create a one-time link; the token in the answer is shown once. */
      create: (caseId: string, body: InvitationCreate, opts?: RequestOptions) =>
        http.request(InvitationCreated, { method: 'POST', url: `${caseUrl(caseId)}/invitations`, data: body }, opts),
      revoke: (caseId: string, invitationId: string, opts?: RequestOptions) =>
        http.request(NoContent, { method: 'DELETE', url: `${caseUrl(caseId)}/invitations/${enc(invitationId)}` }, opts),
      /** Accept a link: opens a session for the new external member. */
      accept: async (token: string, opts?: RequestOptions) =>
        remember(await http.request(InvitationAccepted, { method: 'POST', url: '/invitations/accept', data: { token } }, opts)),
    },

    events: {
      list: (caseId: string, opts?: RequestOptions) => http.request(EventList, { url: `${caseUrl(caseId)}/events` }, opts).then((r) => r.items),
      create: (caseId: string, body: CaseEventCreate, opts?: RequestOptions) =>
        http.request(CaseEvent, { method: 'POST', url: `${caseUrl(caseId)}/events`, data: body }, opts),
      update: (caseId: string, eventId: string, body: CaseEventUpdate, opts?: RequestOptions) =>
        http.request(CaseEvent, { method: 'PATCH', url: `${caseUrl(caseId)}/events/${enc(eventId)}`, data: body }, opts),
    },

    documents: {
      list: (caseId: string, query: DocumentListQuery, opts?: RequestOptions) =>
        http.request(DocumentPage, { url: `${caseUrl(caseId)}/documents`, params: query }, opts),
      get: (caseId: string, docId: string, opts?: RequestOptions) => http.request(DocumentDetail, { url: docUrl(caseId, docId) }, opts),
      /** Upload one file into `tier` (multipart, streamed on the server). */
      upload: (caseId: string, tier: Tier, file: Blob, filename: string, opts?: RequestOptions & { title?: string; onProgress?: (fraction: number) => void }) => {
        const form = new FormData()
        form.append('file', file, filename)
        return http.request(DocumentSummary, {
          method: 'POST', url: `${caseUrl(caseId)}/documents`, params: { tier, ...(opts?.title ? { title: opts.title } : {}) }, data: form, timeout: 300_000,
          onUploadProgress: (e) => { if (e.total) opts?.onProgress?.(e.loaded / e.total) },
        }, opts)
      },
      update: (caseId: string, docId: string, body: DocumentUpdate, opts?: RequestOptions) =>
        http.request(DocumentDetail, { method: 'PATCH', url: docUrl(caseId, docId), data: body }, opts),
      remove: (caseId: string, docId: string, opts?: RequestOptions) => http.request(NoContent, { method: 'DELETE', url: docUrl(caseId, docId) }, opts),
      /** Move to another tier; a less protected one needs a partner and a written reason. */
      move: (caseId: string, docId: string, body: DocumentMove, opts?: RequestOptions) =>
        http.request(DocumentDetail, { method: 'POST', url: `${docUrl(caseId, docId)}/move`, data: body }, opts),
      /** One page as a JPEG with the viewer's watermark burned in (the only form externals ever get). */
      page: (caseId: string, docId: string, page: number, opts?: RequestOptions): Promise<Blob> =>
        http.request(ImageBlob, { url: `${docUrl(caseId, docId)}/pages/${page}`, responseType: 'arraybuffer', timeout: 60_000 }, opts),
      /** URL of the original file, for those allowed to download it (the cookie goes along with a plain link). */
      originalUrl: (caseId: string, docId: string): string => http.uri(`${docUrl(caseId, docId)}/original`),
      /** Report how long a page was on screen. */
      beacon: (caseId: string, docId: string, body: PageViewBeacon, opts?: RequestOptions) =>
        http.request(NoContent, { method: 'POST', url: `${docUrl(caseId, docId)}/views`, data: body }, opts),
      views: (caseId: string, docId: string, opts?: RequestOptions) => http.request(DocumentViewLog, { url: `${docUrl(caseId, docId)}/views` }, opts),
    },

    comments: {
      list: (caseId: string, target: CommentTarget, opts?: RequestOptions) =>
        http.request(CommentList, { url: commentsUrl(caseId, target) }, opts).then((r) => r.items),
      create: (caseId: string, target: CommentTarget, body: CommentCreate, opts?: RequestOptions) =>
        http.request(CaseComment, { method: 'POST', url: commentsUrl(caseId, target), data: body }, opts),
    },
  }
}

/** The `caseRoom` resource of an `ApiClient`. */
export type CaseRoomResource = ReturnType<typeof caseRoomResource>
