import {
  caseRoomApi,
  casesApi,
  type CaseCreate,
  type CaseEventCreate,
  type CaseEventUpdate,
  type CaseUpdate,
  type CommentCreate,
  type DocumentListQuery,
  type DocumentMove,
  type DocumentUpdate,
  type InvitationCreate,
  type MemberAdd,
  type PageViewBeacon,
  type Session,
  type SignInLinkCreate,
  type Tier,
  type WallCreate,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/** What a comment hangs on: a document, a timeline entry, or a tier's discussion thread. */
export type CommentTarget =
  { type: 'document'; id: string } | { type: 'event'; id: string } | { type: 'thread'; tier: Tier }

/** The endpoints and path parameters of the comments on `t`. */
const commentsOf = (caseId: string, t: CommentTarget) => ({
  api: caseRoomApi.comments[t.type],
  params: { caseId, targetId: t.type === 'thread' ? t.tier : t.id },
})

/**
 * The virtual case room: one case and the caller's abilities in it, members and walls,
 * invitations, the timeline, documents (upload, watermarked page images, moves, view log)
 * and comments. Every answer is parsed with the @suite/domain schema.
 */
export function caseRoomResource(http: Http) {
  /** Keep the CSRF token of a session opened by accepting an invitation, a sign-in link or re-entry. */
  const remember = <T extends { session: Session }>(s: T): T => {
    http.setCsrfToken(s.session.csrfToken)
    return s
  }

  return {
    /** One case with the caller's visible tiers and allowed actions (404 when they may not know it). */
    get: (caseId: string, opts?: RequestOptions) => http.call(casesApi.get, { params: { caseId } }, opts),
    /** Open a case (partners). */
    create: (body: CaseCreate, opts?: RequestOptions) => http.call(casesApi.create, { body }, opts),
    /** Change status, title or client name. */
    update: (caseId: string, body: CaseUpdate, opts?: RequestOptions) =>
      http.call(casesApi.update, { params: { caseId }, body }, opts),
    /** "Restrict to internal": suspend (true) or re-admit (false, needs a step-up) every external member. */
    restrict: (caseId: string, restricted: boolean, opts?: RequestOptions) =>
      http.call(casesApi.restrict, { params: { caseId }, body: { restricted } }, opts),

    members: {
      list: (caseId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.members.list, { params: { caseId } }, opts).then((r) => r.items),
      /** Add firm members by suite id or by DingTalk userid (from the contact picker). */
      add: (caseId: string, body: MemberAdd, opts?: RequestOptions) =>
        http.call(caseRoomApi.members.add, { params: { caseId }, body }, opts).then((r) => r.items),
      /** Revoke at once. */
      revoke: (caseId: string, userId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.members.revoke, { params: { caseId, userId } }, opts),
      wall: (caseId: string, body: WallCreate, opts?: RequestOptions) =>
        http.call(caseRoomApi.members.wall, { params: { caseId }, body }, opts),
      /** Lift a wall (needs a step-up; the person gets no access back by it). */
      liftWall: (caseId: string, userId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.members.liftWall, { params: { caseId, userId } }, opts),
      /** A one-time sign-in link for an existing external member (partners); the token in the answer is shown once. */
      signInLink: (caseId: string, userId: string, body: SignInLinkCreate = {}, opts?: RequestOptions) =>
        http.call(caseRoomApi.members.signInLink, { params: { caseId, userId }, body }, opts),
      /** End an external's saved device access, unused sign-in links and sessions; the membership stays. */
      signOutDevices: (caseId: string, userId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.members.signOutDevices, { params: { caseId, userId } }, opts),
    },

    /**
     * Open a new session with this browser's device re-entry credential (an httpOnly cookie left
     * by accepting an invitation or a sign-in link). 401 when the browser has none, or it no
     * longer opens the case room. Never retried: each credential works once and is replaced.
     */
    reEnter: async (opts?: RequestOptions) => remember(await http.call(caseRoomApi.reEntry.enter, { body: {} }, opts)),
    /** Forget this browser's re-entry credential (on sign-out, so signing out sticks). */
    forgetDevice: (opts?: RequestOptions) => http.call(caseRoomApi.reEntry.forget, { body: {} }, opts),

    signInLinks: {
      /** Use a partner's one-time sign-in link: a session for the existing external member. */
      redeem: async (token: string, opts?: RequestOptions) =>
        remember(await http.call(caseRoomApi.signInLinks.redeem, { body: { token } }, opts)),
    },

    invitations: {
      list: (caseId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.invitations.list, { params: { caseId } }, opts).then((r) => r.items),
      /** Create a one-time link; the token in the answer is shown once. */
      create: (caseId: string, body: InvitationCreate, opts?: RequestOptions) =>
        http.call(caseRoomApi.invitations.create, { params: { caseId }, body }, opts),
      revoke: (caseId: string, invitationId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.invitations.revoke, { params: { caseId, invitationId } }, opts),
      /** Public: the firm, the inviter and the matter of a valid link (404 for any other). */
      preview: (token: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.invitations.preview, { body: { token } }, opts),
      /** Public: send the invitee a one-time code; where it went, masked. */
      sendCode: (token: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.invitations.sendCode, { body: { token } }, opts),
      /** Accept a link with the code sent to the invitee: opens a session for the new external member. */
      accept: async (token: string, code: string, opts?: RequestOptions) =>
        remember(await http.call(caseRoomApi.invitations.accept, { body: { token, code } }, opts)),
    },

    events: {
      list: (caseId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.events.list, { params: { caseId } }, opts).then((r) => r.items),
      create: (caseId: string, body: CaseEventCreate, opts?: RequestOptions) =>
        http.call(caseRoomApi.events.create, { params: { caseId }, body }, opts),
      update: (caseId: string, eventId: string, body: CaseEventUpdate, opts?: RequestOptions) =>
        http.call(caseRoomApi.events.update, { params: { caseId, eventId }, body }, opts),
    },

    documents: {
      list: (caseId: string, query: DocumentListQuery, opts?: RequestOptions) =>
        http.call(caseRoomApi.documents.list, { params: { caseId }, query }, opts),
      get: (caseId: string, docId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.documents.get, { params: { caseId, docId } }, opts),
      /** Upload one file into `tier` (multipart, streamed on the server). */
      upload: (
        caseId: string,
        tier: Tier,
        file: Blob,
        filename: string,
        opts?: RequestOptions & { title?: string; notify?: boolean; onProgress?: (fraction: number) => void },
      ) => {
        const form = new FormData()
        form.append('file', file, filename)
        return http.call(
          caseRoomApi.documents.upload,
          {
            params: { caseId },
            // The server tells those who can see the tier only when asked.
            query: {
              tier,
              notify: opts?.notify ? 'true' : 'false',
              ...(opts?.title ? { title: opts.title } : {}),
            },
            body: form,
            config: {
              timeout: 300_000,
              onUploadProgress: (e) => {
                if (e.total) opts?.onProgress?.(e.loaded / e.total)
              },
            },
          },
          opts,
        )
      },
      update: (caseId: string, docId: string, body: DocumentUpdate, opts?: RequestOptions) =>
        http.call(caseRoomApi.documents.update, { params: { caseId, docId }, body }, opts),
      remove: (caseId: string, docId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.documents.remove, { params: { caseId, docId } }, opts),
      /** Move to another tier; a less protected one needs a partner and a written reason. */
      move: (caseId: string, docId: string, body: DocumentMove, opts?: RequestOptions) =>
        http.call(caseRoomApi.documents.move, { params: { caseId, docId }, body }, opts),
      /** One page as a JPEG with the viewer's watermark burned in (the only form externals ever get). */
      page: (caseId: string, docId: string, page: number, opts?: RequestOptions): Promise<Blob> =>
        http.call(caseRoomApi.documents.page, { params: { caseId, docId, page }, config: { timeout: 60_000 } }, opts),
      /** URL of the original file, for those allowed to download it (the cookie goes along with a plain link). */
      originalUrl: (caseId: string, docId: string): string =>
        http.href(caseRoomApi.documents.original, { params: { caseId, docId } }),
      /** Report how long a page was on screen. */
      beacon: (caseId: string, docId: string, body: PageViewBeacon, opts?: RequestOptions) =>
        http.call(caseRoomApi.documents.beacon, { params: { caseId, docId }, body }, opts),
      views: (caseId: string, docId: string, opts?: RequestOptions) =>
        http.call(caseRoomApi.documents.views, { params: { caseId, docId } }, opts),
    },

    comments: {
      list: (caseId: string, target: CommentTarget, opts?: RequestOptions) => {
        const { api, params } = commentsOf(caseId, target)
        return http.call(api.list, { params }, opts).then((r) => r.items)
      },
      create: (caseId: string, target: CommentTarget, body: CommentCreate, opts?: RequestOptions) => {
        const { api, params } = commentsOf(caseId, target)
        return http.call(api.create, { params, body }, opts)
      },
    },
  }
}

/** The `caseRoom` resource of an `ApiClient`. */
export type CaseRoomResource = ReturnType<typeof caseRoomResource>
