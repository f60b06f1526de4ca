/**
 * Shared English messages: the source of truth for the message keys. The other locales are
 * typed as {@link SuiteMessages}, so a missing key fails type-checking.
 * vue-i18n syntax: `{name}` interpolates; avoid a bare `@` and `|` (linked / plural syntax).
 */
export const en = {
  shell: {
    back: 'Back',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {name} ({role})',
    switchAccount: 'Use my DingTalk account',
    switchAccountHint: 'You are signed in as someone other than your DingTalk account. Switch to it.',
    moreActions: 'Account and language',
    skipToContent: 'Skip to content',
  },
  language: {
    label: 'Language',
    // Each language is named in itself, whatever the current locale.
    names: { zhHK: '繁體中文', zhCN: '简体中文', en: 'English' },
    short: { zhHK: '繁', zhCN: '简', en: 'EN' },
  },
  states: {
    loading: 'Loading…',
    emptyTitle: 'Nothing here yet',
    errorTitle: 'Something went wrong',
    networkTitle: 'No connection',
    timeoutTitle: 'No answer in time',
    serverTitle: 'The system is having a problem',
    busyTitle: 'Too many requests',
    sessionTitle: 'Please sign in again',
    outOfDateTitle: 'This page is out of date',
    stepUpTitle: 'Confirm it is you',
    noAuthenticatorTitle: 'No authenticator set up',
    notFoundTitle: 'Not found',
    forbiddenTitle: 'No access',
    conflictTitle: 'Changed by someone else',
    signInAgain: 'Sign in again',
    reload: 'Reload the page',
    setUpAuthenticator: 'Set up your authenticator',
    retry: 'Retry',
    requestId: 'Request ID: {id}',
    requestIdHint: 'Quote this ID when you contact IT.',
  },
  signIn: {
    checking: 'Checking your sign-in…',
    signingIn: 'Signing you in…',
    failedTitle: 'Could not sign you in',
    devTitle: 'Development sign-in',
    devNotice:
      'For development and demos only. Staff normally sign in automatically by opening the app from the DingTalk workbench.',
    devChoose: 'Choose a demo user to sign in as:',
    internal: 'Firm members',
    external: 'External users (clients and experts)',
    signInAs: 'Sign in as {name}',
    expired: 'Your session has ended. Sign in again to carry on: what you typed on the page is kept.',
  },
  roles: {
    partner: 'Partner',
    associate: 'Associate',
    staff: 'Staff',
    it_admin: 'IT administrator',
    compliance_officer: 'Compliance officer',
    client: 'Client',
    external_expert: 'External expert',
  },
  errors: {
    bad_request: 'The request was not understood. Please try again.',
    validation_failed: 'Some fields need attention.',
    unauthenticated: 'You are not signed in, or your sign-in was rejected.',
    session_expired: 'Your session has expired. Please sign in again.',
    csrf_failed: 'Your session could not be verified. Please reload the page.',
    forbidden: 'You do not have permission to do this. If you need it, ask the partner in charge or IT.',
    step_up_required: 'Please confirm your identity to continue.',
    not_found: 'This item could not be found: it may have been removed. Go back and pick it again from the list.',
    conflict: 'Someone else changed this just now. Reload and try again.',
    payload_too_large: 'The file is too large.',
    unsupported_media_type: 'This file type is not supported.',
    rate_limited: 'Too many requests. Please wait a moment and try again.',
    upstream_unavailable: 'The service is not responding right now. Please try again shortly.',
    internal: 'Something went wrong on our side. Please try again.',
    network_error: 'Cannot reach the server. Check your connection and try again.',
    malformed_response: 'The server sent an answer this app does not understand. Please reload the page.',
    timeout: 'This is taking too long. Please try again.',
    not_in_dingtalk: 'This feature only works inside the DingTalk app.',
    cancelled: 'The action was cancelled.',
    no_permission: 'DingTalk did not grant permission for this action.',
    unsupported: 'This DingTalk version does not support this action. Please update DingTalk.',
    failed: 'DingTalk could not complete this action. Please try again.',
    open_in_dingtalk: 'Please open this app from the DingTalk workbench.',
    missing_corp_id: 'The organisation could not be identified. Please open this app from the DingTalk workbench.',
    authenticator_not_enrolled:
      'You have not set up an authenticator app yet, so your identity cannot be confirmed with a code. Set one up under "My two-step confirmation", then try again.',
    unknown: 'Something went wrong. Please try again.',
  },
  dialogs: {
    confirm: 'OK',
    cancel: 'Cancel',
  },
  share: {
    copied: 'Link copied. Paste it where you want to share it.',
    failed: 'The link could not be shared. Copy it from the address bar instead.',
  },
  apps: {
    portal: { title: 'Legal Suite', description: "All of the firm's mini-apps in one place" },
    caseRoom: { title: 'Case Room', description: 'Case files, members and ethical walls' },
    courtCalendar: { title: 'Court Calendar', description: 'Hearings, deadlines and DingTalk calendar reminders' },
    dataClassifier: { title: 'Data Classifier', description: 'Label documents with a confidentiality tier' },
    supportReport: {
      title: 'Report fake support',
      description: 'Report a suspicious "DingTalk customer service" contact',
    },
    admin: { title: 'Administration', description: 'Audit log, users and roles, forms and policies' },
  },
}

/** Shape of the shared messages, derived from the English source. */
export type SuiteMessages = typeof en
