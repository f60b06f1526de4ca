-- Fake-support reporting: reports, screenshots, IT notes, the official-channel registry, the
-- known-scam list, drills with their targets, and the versions of the report form.

-- Every version of the report form (base fields + administrators' extensions); reports name theirs.
CREATE TABLE support_form_versions (
  version integer PRIMARY KEY,
  schema jsonb NOT NULL,
  published_by text REFERENCES users(id),
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE support_drills (
  id text PRIMARY KEY,
  campaign_id text NOT NULL UNIQUE,
  name text NOT NULL,
  lure_kind text NOT NULL,
  lure_identifier text NOT NULL,
  lure_key text,
  message_title text NOT NULL,
  message_body text NOT NULL,
  departments text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','sent','cancelled')),
  scheduled_at timestamptz NOT NULL,
  sent_at timestamptz,
  created_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Who a drill was sent to, with the department they were in then (the dashboard groups by it).
CREATE TABLE support_drill_targets (
  drill_id text NOT NULL REFERENCES support_drills(id),
  user_id text NOT NULL REFERENCES users(id),
  department text,
  reported_at timestamptz,
  PRIMARY KEY (drill_id, user_id)
);
CREATE INDEX support_drill_targets_user_idx ON support_drill_targets (user_id);

CREATE TABLE support_reports (
  id text PRIMARY KEY,
  -- One report per Idempotency-Key, however often and however concurrently the device retries.
  idempotency_key text NOT NULL UNIQUE,
  request_hash text NOT NULL,
  reporter_id text NOT NULL REFERENCES users(id),
  department text,
  form_version integer NOT NULL REFERENCES support_form_versions(version),
  identifier_kind text NOT NULL,
  identifier text NOT NULL,
  identifier_key text,
  identifier_display text NOT NULL,
  channel text NOT NULL,
  claimed_identity text NOT NULL,
  asked_for text[] NOT NULL DEFAULT '{}',
  complied text NOT NULL,
  loss_amount numeric,
  loss_currency text,
  occurred_on date,
  message text NOT NULL DEFAULT '',
  details text NOT NULL DEFAULT '',
  platform text NOT NULL DEFAULT '',
  extra jsonb NOT NULL DEFAULT '{}'::jsonb,
  verdict text NOT NULL CHECK (verdict IN ('official','known_scam','suspicious','no_record')),
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  drill_id text REFERENCES support_drills(id),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','investigating','confirmed_scam','false_alarm','duplicate')),
  assignee_id text REFERENCES users(id),
  duplicate_of text REFERENCES support_reports(id),
  resolution text,
  decided_by text REFERENCES users(id),
  decided_at timestamptz,
  reported_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX support_reports_reporter_idx ON support_reports (reporter_id, received_at);
CREATE INDEX support_reports_queue_idx ON support_reports (status, received_at) WHERE drill_id IS NULL;
CREATE INDEX support_reports_key_idx ON support_reports (identifier_key);
CREATE INDEX support_reports_drill_idx ON support_reports (drill_id);

-- Screenshots: uploaded first (content-addressed blobs), then named by a report.
CREATE TABLE support_uploads (
  sha256 text NOT NULL REFERENCES blobs(sha256),
  uploader_id text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, uploader_id)
);
CREATE TABLE support_report_attachments (
  report_id text NOT NULL REFERENCES support_reports(id),
  sha256 text NOT NULL REFERENCES blobs(sha256),
  name text NOT NULL,
  mime text NOT NULL,
  size bigint NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (report_id, sha256)
);

CREATE TABLE support_report_notes (
  id bigserial PRIMARY KEY,
  report_id text NOT NULL REFERENCES support_reports(id),
  author_id text NOT NULL REFERENCES users(id),
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX support_report_notes_report_idx ON support_report_notes (report_id);

-- The firm's official channels. Drafts become visible to staff when IT publishes them.
CREATE TABLE support_channels (
  id text PRIMARY KEY,
  kind text NOT NULL,
  value text NOT NULL,
  display text NOT NULL,
  label text NOT NULL,
  note text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','retired')),
  retire_pending boolean NOT NULL DEFAULT false,
  created_by text REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (kind, value)
);

-- Confirmed reports and imported lists.
CREATE TABLE support_known_scams (
  id text PRIMARY KEY,
  kind text NOT NULL,
  value text NOT NULL,
  display text NOT NULL,
  source text NOT NULL CHECK (source IN ('confirmed_report','import')),
  note text,
  added_by text REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, value)
);

-- DingTalk's own site is an official channel from the start; IT adds the firm's.
INSERT INTO support_channels (id, kind, value, display, label, note, status, published_at)
VALUES ('ch-dingtalk-web', 'url', 'dingtalk.com', 'dingtalk.com', 'DingTalk 釘釘', 'Customer service is only inside the DingTalk app: Me -> Help & Feedback -> Contact customer service', 'published', now());
