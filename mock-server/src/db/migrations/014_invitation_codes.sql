-- An invitation is for one person: their phone or e-mail (the code goes there), their language,
-- and, when they are in the firm's DingTalk directory, their account (the invitation and the
-- code then arrive as work notifications).
ALTER TABLE case_invitations ADD COLUMN locale text NOT NULL DEFAULT 'zh-HK';
ALTER TABLE case_invitations ADD COLUMN directory_user_id text REFERENCES users(id);

-- One-time codes that confirm the invitee before the invitation opens a session. Only an HMAC of
-- the code is kept; a code works for 10 minutes and 5 tries, and a newer code replaces it.
CREATE TABLE case_invitation_codes (
  id text PRIMARY KEY,
  invitation_id text NOT NULL REFERENCES case_invitations(id),
  code_hash text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('dingtalk','sms','email')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  replaced_at timestamptz
);
CREATE INDEX case_invitation_codes_invitation_idx ON case_invitation_codes (invitation_id, created_at DESC);

-- Messages to people outside DingTalk (SMS, e-mail), written in the same transaction as what
-- causes them: the firm's SMS / e-mail gateway sends them from here (the development server and the
-- tests read them here).
CREATE TABLE external_outbox (
  id text PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms','email')),
  address text NOT NULL,
  locale text NOT NULL,
  kind text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  case_id text REFERENCES cases(id),
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX external_outbox_address_idx ON external_outbox (address, created_at DESC);
