-- One-time codes an IT administrator issues so that a person without DingTalk (or who lost their
-- authenticator) can set up a second factor. Only a hash is kept; a code is spent once.
CREATE TABLE enrolment_codes (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  code_hash text NOT NULL UNIQUE,
  issued_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX enrolment_codes_user ON enrolment_codes (user_id) WHERE used_at IS NULL;
-- The set-up code an enrolment in progress was started with: spent only when the first
-- authenticator code confirms it, so a page reloaded in between can start again with it.
ALTER TABLE user_totp ADD COLUMN pending_enrolment_code_id text REFERENCES enrolment_codes(id);
