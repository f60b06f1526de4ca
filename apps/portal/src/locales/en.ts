/** The portal's own English messages; the shared ones come from @suite/ui. */
export const en = {
  home: {
    greeting: 'Hello, {name}',
    intro: 'Choose an app to get started.',
    appsHeading: 'Apps',
    security:
      'Your two-step confirmation: set up an authenticator for privileged actions such as lifting an ethical wall',
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
