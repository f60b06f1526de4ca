import { z } from 'zod'
import {
  CaseComment,
  CaseEvent,
  CaseEventCreate,
  CaseEventUpdate,
  CaseMemberView,
  CaseRoomEntered,
  CommentCreate,
  DevicesSignedOut,
  DocumentDetail,
  DocumentListQuery,
  DocumentMove,
  DocumentSummary,
  DocumentUpdate,
  DocumentUploadQuery,
  DocumentViewLog,
  Invitation,
  InvitationAccept,
  InvitationAccepted,
  InvitationCodeSent,
  InvitationCreate,
  InvitationCreated,
  InvitationPreview,
  InvitationToken,
  MemberAdd,
  PageViewBeacon,
  ReEntryRequest,
  SignInLinkCreate,
  SignInLinkCreated,
  SignInLinkRedeem,
  WallCreate,
} from '../case-room'
import { Page } from '../pagination'
import { defineEndpoint } from '../endpoint'
import { CaseParams } from './cases'

const Id = z.string().min(1).max(64)

/** Path parameters of one member (or walled person) of a case. */
export const CaseMemberParams = CaseParams.extend({ userId: Id })
/** Path parameters of one invitation of a case. */
export const CaseInvitationParams = CaseParams.extend({ invitationId: Id })
/** Path parameters of one timeline entry. */
export const CaseEventParams = CaseParams.extend({ eventId: Id })
/** Path parameters of one document. */
export const CaseDocumentParams = CaseParams.extend({ docId: Id })
/** Path parameters of one page of a document (1-based). */
export const CaseDocumentPageParams = CaseDocumentParams.extend({ page: z.coerce.number().int().min(1).max(10_000) })
/** Path parameters of what comments hang on: a document id, a timeline entry id, or a tier (a discussion thread). */
export const CaseCommentTargetParams = CaseParams.extend({ targetId: Id })

/** The members of a case. */
export const CaseMemberList = z.object({ items: z.array(CaseMemberView) })
/** The invitations of a case. */
export const CaseInvitationList = z.object({ items: z.array(Invitation) })
/** The timeline of a case. */
export const CaseEventList = z.object({ items: z.array(CaseEvent) })
/** The comments on one target. */
export const CaseCommentList = z.object({ items: z.array(CaseComment) })

const tags = ['case-room']

/** The comments on one kind of target, under `/cases/:caseId/<segment>/:targetId/comments`. */
function commentsOn<S extends string>(segment: S) {
  const path = `/cases/:caseId/${segment}/:targetId/comments` as const
  return {
    /** The comments the caller may read (written in a tier they can see). */
    list: defineEndpoint({ method: 'GET', path, tags, params: CaseCommentTargetParams, response: CaseCommentList }),
    /** Comment on it (the target's tier decides who may). */
    create: defineEndpoint({
      method: 'POST',
      path,
      tags,
      params: CaseCommentTargetParams,
      body: CommentCreate,
      status: 201,
      response: CaseComment,
    }),
  }
}

/**
 * The virtual case room: members and ethical walls, invitations and the ways back in for
 * external members, the timeline, documents (upload, watermarked page images, moves, the view
 * log) and comments. The case itself is in `casesApi`.
 */
export const caseRoomApi = {
  members: {
    /** Members of the case (externals see the firm's team and themselves). */
    list: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/members',
      tags,
      params: CaseParams,
      response: CaseMemberList,
    }),
    /** Add firm members by suite id or by DingTalk userid (from the contact picker); answers the whole list. */
    add: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/members',
      tags,
      params: CaseParams,
      body: MemberAdd,
      response: CaseMemberList,
    }),
    /** Revoke a member at once, with their saved device access and unused sign-in links. */
    revoke: defineEndpoint({
      method: 'DELETE',
      path: '/cases/:caseId/members/:userId',
      tags,
      params: CaseMemberParams,
    }),
    /** Put an ethical wall between a firm member and the case. */
    wall: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/walls',
      tags,
      params: CaseParams,
      body: WallCreate,
      status: 201,
      response: CaseMemberView,
    }),
    /** Lift a wall (needs a step-up; the person gets no access back by it). */
    liftWall: defineEndpoint({
      method: 'DELETE',
      path: '/cases/:caseId/walls/:userId',
      tags,
      params: CaseMemberParams,
    }),
    /** A one-time sign-in link for an existing external member; the token in the answer is shown once. */
    signInLink: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/members/:userId/sign-in-link',
      tags,
      params: CaseMemberParams,
      body: SignInLinkCreate,
      status: 201,
      response: SignInLinkCreated,
    }),
    /** End an external's sessions, device credentials and unused sign-in links; the membership stays. */
    signOutDevices: defineEndpoint({
      method: 'DELETE',
      path: '/cases/:caseId/members/:userId/devices',
      tags,
      params: CaseMemberParams,
      response: DevicesSignedOut,
    }),
  },

  reEntry: {
    /** A new session from this browser's device re-entry credential (an httpOnly cookie); 401 when it no longer opens the case room. */
    enter: defineEndpoint({
      method: 'POST',
      path: '/case-room/re-entry',
      tags,
      body: ReEntryRequest,
      response: CaseRoomEntered,
    }),
    /** Forget this browser's re-entry credential (on sign-out). */
    forget: defineEndpoint({ method: 'POST', path: '/case-room/re-entry/forget', tags, body: ReEntryRequest }),
  },

  signInLinks: {
    /** Use a partner's one-time sign-in link: a session for the existing external member. */
    redeem: defineEndpoint({
      method: 'POST',
      path: '/sign-in-links/redeem',
      tags,
      body: SignInLinkRedeem,
      response: CaseRoomEntered,
    }),
  },

  invitations: {
    /** The case's invitations, newest first. */
    list: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/invitations',
      tags,
      params: CaseParams,
      response: CaseInvitationList,
    }),
    /** A one-time invitation link for an external; the token in the answer is shown once. */
    create: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/invitations',
      tags,
      params: CaseParams,
      body: InvitationCreate,
      status: 201,
      response: InvitationCreated,
    }),
    /** Revoke an invitation not yet accepted. */
    revoke: defineEndpoint({
      method: 'DELETE',
      path: '/cases/:caseId/invitations/:invitationId',
      tags,
      params: CaseInvitationParams,
    }),
    /**
     * Public: who invites to which matter (firm, lawyer, case number and title), for a valid,
     * unexpired, unrevoked token only; every other token gets the same 404.
     */
    preview: defineEndpoint({
      method: 'POST',
      path: '/invitations/preview',
      tags,
      body: InvitationToken,
      response: InvitationPreview,
    }),
    /** Public: send a one-time 6-digit code to the invitee's contact (DingTalk, SMS or e-mail). */
    sendCode: defineEndpoint({
      method: 'POST',
      path: '/invitations/code',
      tags,
      body: InvitationToken,
      response: InvitationCodeSent,
    }),
    /** Accept a link with the code sent to the invitee: the new external member, their session and device re-entry credential. */
    accept: defineEndpoint({
      method: 'POST',
      path: '/invitations/accept',
      tags,
      body: InvitationAccept,
      response: InvitationAccepted,
    }),
  },

  events: {
    /** The public timeline: milestones, hearing dates, notices and updates. */
    list: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/events',
      tags,
      params: CaseParams,
      response: CaseEventList,
    }),
    create: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/events',
      tags,
      params: CaseParams,
      body: CaseEventCreate,
      status: 201,
      response: CaseEvent,
    }),
    /** Change an entry, or mark a milestone reached (which ends access bound to it). */
    update: defineEndpoint({
      method: 'PATCH',
      path: '/cases/:caseId/events/:eventId',
      tags,
      params: CaseEventParams,
      body: CaseEventUpdate,
      response: CaseEvent,
    }),
  },

  documents: {
    /** One page of a tier's documents, newest change first. */
    list: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/documents',
      tags,
      params: CaseParams,
      query: DocumentListQuery,
      response: Page(DocumentSummary),
    }),
    /** Upload one file (the `file` part of a multipart body) into the tier of the query. */
    upload: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/documents',
      tags,
      params: CaseParams,
      query: DocumentUploadQuery,
      request: 'multipart',
      status: 201,
      response: DocumentSummary,
    }),
    get: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/documents/:docId',
      tags,
      params: CaseDocumentParams,
      response: DocumentDetail,
    }),
    /** One page as a JPEG with the viewer's watermark burned in (the only form externals ever get). */
    page: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/documents/:docId/pages/:page',
      tags,
      params: CaseDocumentPageParams,
      responseKind: 'bytes',
      contentType: 'image/jpeg',
    }),
    /** The original file, for those allowed to download it (recorded in the audit log). */
    original: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/documents/:docId/original',
      tags,
      params: CaseDocumentParams,
      responseKind: 'bytes',
      contentType: 'application/octet-stream',
    }),
    /** Change title or description. */
    update: defineEndpoint({
      method: 'PATCH',
      path: '/cases/:caseId/documents/:docId',
      tags,
      params: CaseDocumentParams,
      body: DocumentUpdate,
      response: DocumentDetail,
    }),
    /** Upload a new version of the file (multipart, like an upload). */
    newVersion: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/documents/:docId/versions',
      tags,
      params: CaseDocumentParams,
      request: 'multipart',
      status: 201,
      response: DocumentDetail,
    }),
    remove: defineEndpoint({
      method: 'DELETE',
      path: '/cases/:caseId/documents/:docId',
      tags,
      params: CaseDocumentParams,
    }),
    /** Move to another tier; a less protected one needs a partner and a written reason. */
    move: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/documents/:docId/move',
      tags,
      params: CaseDocumentParams,
      body: DocumentMove,
      response: DocumentDetail,
    }),
    /** The viewer's beacon: how long a page stayed on screen. */
    beacon: defineEndpoint({
      method: 'POST',
      path: '/cases/:caseId/documents/:docId/views',
      tags,
      params: CaseDocumentParams,
      body: PageViewBeacon,
    }),
    /** Who viewed which page, and for how long. */
    views: defineEndpoint({
      method: 'GET',
      path: '/cases/:caseId/documents/:docId/views',
      tags,
      params: CaseDocumentParams,
      response: DocumentViewLog,
    }),
  },

  /** Comments on a document (its tier decides), a timeline entry (public) or a tier's discussion thread (`targetId` is the tier). */
  comments: {
    document: commentsOn('documents'),
    event: commentsOn('events'),
    thread: commentsOn('threads'),
  },
}
