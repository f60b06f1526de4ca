-- Foundation: organisation, people, sessions, cases and their members, the audit chain, stored blobs.
CREATE TABLE orgs (
  id text PRIMARY KEY,
  corp_id text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES orgs(id),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('partner','associate','staff','it_admin','compliance_officer','client','external_expert')),
  title text,
  department text,
  avatar_url text,
  dingtalk_user_id text UNIQUE,
  dingtalk_union_id text,
  active boolean NOT NULL DEFAULT true,
  locale text NOT NULL DEFAULT 'zh-HK',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  method text NOT NULL CHECK (method IN ('dingtalk','dev')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE used_auth_codes (
  code_hash text PRIMARY KEY,
  used_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cases (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES orgs(id),
  number text NOT NULL UNIQUE,
  title text NOT NULL,
  client_name text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('open','on_hold','closed')),
  restricted_to_internal boolean NOT NULL DEFAULT false,
  created_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE case_members (
  case_id text NOT NULL REFERENCES cases(id),
  user_id text NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('active','walled','expired','revoked','suspended')),
  tier_ceiling text NOT NULL CHECK (tier_ceiling IN ('public','restricted','private')),
  expires_at timestamptz,
  wall_reason text,
  added_by text REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_members_user_idx ON case_members (user_id);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id text,
  actor_name text,
  action text NOT NULL,
  target_type text,
  target_id text,
  case_id text,
  request_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq);
CREATE INDEX audit_log_case_idx ON audit_log (case_id, seq);
CREATE INDEX audit_log_action_idx ON audit_log (action, seq);

-- One row: the head of the chain, locked FOR UPDATE by every append so appends serialise.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints: where a purge cut the chain, verification restarts from here.
CREATE TABLE audit_checkpoints (
  seq bigint PRIMARY KEY,
  hash text NOT NULL,
  at timestamptz NOT NULL,
  signature text NOT NULL,
  reason text NOT NULL
);

CREATE TABLE blobs (
  sha256 text PRIMARY KEY,
  size bigint NOT NULL,
  mime text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
