/** The portal's own English messages; the shared ones come from @suite/ui. */
export const en = {
  home: {
    greeting: 'Hello, {name}',
    intro: 'What needs you today comes first; your apps are below.',
    appsHeading: 'Apps',
    security:
      'Your two-step confirmation: set up an authenticator for privileged actions such as lifting an ethical wall',
  },
  today: {
    heading: 'Needs you today',
    date: 'Hong Kong time: {date}',
    loading: 'Loading what needs you today…',
    errorTitle: 'Could not load what needs you today',
    overdueAlert: 'One deadline is overdue: deal with it first | {n} deadlines are overdue: deal with them first',
    more: '{n} more in the app',
    hearings: {
      title: "Today's hearings",
      empty: 'No hearings in your cases today.',
      at: '{time} (Hong Kong time)',
      place: '{court}, courtroom {room}',
    },
    deadlines: {
      title: 'Deadlines: overdue and due in the next 7 days',
      empty: 'Nothing overdue and nothing due in the next 7 days.',
      overdue: 'Overdue',
      overdueBy: 'Overdue by one day | Overdue by {n} days',
      dueToday: 'Due today',
      dueIn: 'Due tomorrow | Due in {n} days',
      due: 'Due {date}',
    },
    comments: {
      title: 'New comments',
      subtitleFirm: 'From clients and outside experts in the last 7 days',
      subtitleExternal: 'From the firm in the last 7 days',
      empty: 'No new comments in the last 7 days.',
      by: '{name} ({role})',
      at: '{time} (Hong Kong time)',
      document: 'On “{title}”',
      event: 'On the timeline entry “{title}”',
      thread: { public: 'In the shared area', restricted: 'In drafts for review', private: 'In the internal area' },
    },
    triage: {
      title: 'Suspicious-contact reports to triage',
      empty: 'No reports waiting for triage.',
      urgent: 'Urgent: the reporter did what the caller asked',
      urgentCount: 'One urgent | {n} urgent',
      reporter: 'Reported by {name}',
      received: 'Received {time} (Hong Kong time)',
      status: {
        new: 'New',
        investigating: 'Investigating',
        confirmed_scam: 'Scam',
        false_alarm: 'False alarm',
        duplicate: 'Duplicate',
      },
      verdict: {
        official: 'Official channel',
        known_scam: 'Known scam',
        suspicious: 'Suspicious',
        no_record: 'No record',
      },
    },
    hearingTypes: {
      trial: 'Trial',
      interlocutory: 'Interlocutory hearing',
      case_management: 'Case management conference',
      pre_trial_review: 'Pre-trial review',
      mention: 'Mention',
      chambers: 'Chambers hearing',
      appeal: 'Appeal hearing',
      judgment: 'Handing down of judgment',
      other: 'Hearing',
    },
  },
  support: {
    title: 'Contacted by "DingTalk customer service"?',
    dingtalkBody:
      'DingTalk has no Hong Kong customer-service hotline. Its only official support is inside the DingTalk app:',
    steps: { me: 'Me', help: 'Help & Feedback', contact: 'Contact customer service' },
    reportBody:
      'Any other caller, message or website claiming to be DingTalk support may be a scam. Do not give codes or remote access; report it so IT can check it.',
    reportLink: 'Report a suspicious contact',
  },
}

/** Shape of the portal's messages, from the English source. */
export type PortalMessages = typeof en
