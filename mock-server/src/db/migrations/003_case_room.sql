-- Case room: timeline, documents and their tiers, page views, comments, invitations, walls and expiries.

-- Externals open a session with a one-time invitation link, not DingTalk.
ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_method_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_method_check CHECK (method IN ('dingtalk','dev','invitation'));

-- The public timeline: milestones, hearing dates, notices, progress updates.
CREATE TABLE case_events (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  kind text NOT NULL CHECK (kind IN ('milestone','hearing','notice','update')),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  occurs_at timestamptz,
  reached_at timestamptz,
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case_idx ON case_events (case_id, occurs_at);

-- Who did what to a membership, and when an external's access ends on a milestone.
ALTER TABLE case_members ADD COLUMN expiry_milestone_id text REFERENCES case_events(id);
ALTER TABLE case_members ADD COLUMN walled_by text REFERENCES users(id);
ALTER TABLE case_members ADD COLUMN walled_at timestamptz;
ALTER TABLE case_members ADD COLUMN revoked_by text REFERENCES users(id);
ALTER TABLE case_members ADD COLUMN revoked_at timestamptz;
CREATE INDEX case_members_milestone_idx ON case_members (expiry_milestone_id);
CREATE INDEX case_members_expiry_idx ON case_members (expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;

-- Documents live in exactly one tier. `render_sha256` is what the viewer rasterises: the
-- original for PDFs and images, a converted PDF for office files, null when kept internal.
CREATE TABLE case_documents (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  tier text NOT NULL CHECK (tier IN ('public','restricted','private')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  filename text NOT NULL,
  mime text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL REFERENCES blobs(sha256),
  render_kind text NOT NULL CHECK (render_kind IN ('pdf','image','none')),
  render_sha256 text REFERENCES blobs(sha256),
  page_count integer,
  version integer NOT NULL DEFAULT 1,
  uploaded_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by text REFERENCES users(id)
);
CREATE INDEX case_documents_list_idx ON case_documents (case_id, tier, updated_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE case_document_versions (
  document_id text NOT NULL REFERENCES case_documents(id),
  version integer NOT NULL,
  sha256 text NOT NULL REFERENCES blobs(sha256),
  filename text NOT NULL,
  mime text NOT NULL,
  size bigint NOT NULL,
  uploaded_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, version)
);

-- Every change of tier, with the partner's written reason.
CREATE TABLE case_document_moves (
  id bigserial PRIMARY KEY,
  document_id text NOT NULL REFERENCES case_documents(id),
  from_tier text NOT NULL,
  to_tier text NOT NULL,
  reason text NOT NULL,
  moved_by text NOT NULL REFERENCES users(id),
  moved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_document_moves_doc_idx ON case_document_moves (document_id, moved_at);

-- One row per page shown to a viewer; the view-duration beacon fills in duration_ms.
CREATE TABLE case_document_views (
  id bigserial PRIMARY KEY,
  document_id text NOT NULL REFERENCES case_documents(id),
  case_id text NOT NULL REFERENCES cases(id),
  viewer_id text NOT NULL REFERENCES users(id),
  version integer NOT NULL,
  page integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer
);
CREATE INDEX case_document_views_doc_idx ON case_document_views (document_id, started_at DESC);
CREATE INDEX case_document_views_viewer_idx ON case_document_views (document_id, viewer_id, page, started_at DESC);

-- Comments on a document, a timeline entry, or a tier's discussion thread (target_id = the tier).
CREATE TABLE case_comments (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  target_type text NOT NULL CHECK (target_type IN ('document','event','thread')),
  target_id text NOT NULL,
  author_id text NOT NULL REFERENCES users(id),
  body text NOT NULL,
  page integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_comments_target_idx ON case_comments (case_id, target_type, target_id, created_at);

-- One-time invitation links for externals. Only the token's SHA-256 is stored.
CREATE TABLE case_invitations (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  contact text,
  role text NOT NULL CHECK (role IN ('client','external_expert')),
  tier_ceiling text NOT NULL CHECK (tier_ceiling IN ('public','restricted')),
  access_expires_on date,
  expiry_milestone_id text REFERENCES case_events(id),
  link_expires_at timestamptz NOT NULL,
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  accepted_user_id text REFERENCES users(id),
  revoked_at timestamptz,
  CHECK ((access_expires_on IS NULL) <> (expiry_milestone_id IS NULL))
);
CREATE INDEX case_invitations_case_idx ON case_invitations (case_id, created_at DESC);

-- Device re-entry for externals: accepting an invitation (or a fresh sign-in link) leaves a
-- long-lived, httpOnly credential in that browser, bound to one membership, so a new session can
-- be opened when the old one ended. Only the token's SHA-256 is stored. Each use rotates it:
-- the used row is kept (used_at), and presenting it again is a replay that ends the family.
CREATE TABLE case_reentry_credentials (
  id text PRIMARY KEY,
  family_id text NOT NULL,
  case_id text NOT NULL REFERENCES cases(id),
  user_id text NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  issued_via text NOT NULL CHECK (issued_via IN ('invitation','sign_in_link','rotation')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  revoked_reason text,
  user_agent text
);
CREATE INDEX case_reentry_member_idx ON case_reentry_credentials (case_id, user_id);
CREATE INDEX case_reentry_family_idx ON case_reentry_credentials (family_id);

-- One-time sign-in links a partner sends an existing external member (no new user is created).
CREATE TABLE case_sign_in_links (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  user_id text NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  link_expires_at timestamptz NOT NULL,
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX case_sign_in_links_member_idx ON case_sign_in_links (case_id, user_id, created_at DESC);
