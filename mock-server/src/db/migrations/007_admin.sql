-- Administration and compliance: second factors, step-up elevations, audit retention, versioned low-code documents.

-- One authenticator per user. The secret is encrypted with a key derived from the server secret;
-- a pending enrolment waits beside the confirmed one until its first code is checked.
CREATE TABLE user_totp (
  user_id text PRIMARY KEY REFERENCES users(id),
  secret_enc text,
  confirmed_at timestamptz,
  last_step bigint NOT NULL DEFAULT 0,
  pending_secret_enc text,
  pending_created_at timestamptz
);

-- One-time recovery codes, stored only as keyed hashes.
CREATE TABLE user_recovery_codes (
  user_id text NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- A short-lived elevation of one session, granted by a fresh second factor.
CREATE TABLE session_step_ups (
  session_id_hash text PRIMARY KEY REFERENCES sessions(id_hash),
  user_id text NOT NULL REFERENCES users(id),
  method text NOT NULL CHECK (method IN ('totp','recovery_code','dingtalk')),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX session_step_ups_user_idx ON session_step_ups (user_id);

-- One row: how long audit entries are kept. Never below 90 days.
CREATE TABLE audit_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  retention_days integer NOT NULL CHECK (retention_days >= 90),
  updated_at timestamptz,
  updated_by text REFERENCES users(id)
);
INSERT INTO audit_settings (id, retention_days) VALUES (1, 365);

-- Versioned JSON documents (forms, policies, templates). Every version is kept; a draft has no
-- number until it is published; the running version is the published one with the highest number.
CREATE TABLE lowcode_documents (
  id text PRIMARY KEY,
  kind text NOT NULL,
  key text NOT NULL,
  version integer,
  status text NOT NULL CHECK (status IN ('draft','published')),
  -- json, not jsonb: keeps the key order the administrator wrote.
  body json NOT NULL,
  body_hash text NOT NULL,
  note text,
  author_id text REFERENCES users(id),
  author_name text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  published_by text,
  rolled_back_from integer,
  CHECK ((status = 'draft') = (version IS NULL))
);
CREATE UNIQUE INDEX lowcode_documents_version_idx ON lowcode_documents (kind, key, version) WHERE version IS NOT NULL;
CREATE UNIQUE INDEX lowcode_documents_draft_idx ON lowcode_documents (kind, key) WHERE status = 'draft';
