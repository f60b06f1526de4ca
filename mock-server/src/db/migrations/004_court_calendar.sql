-- Court calendar: hearings, trigger events and deadlines of cases; holidays and declared
-- warning days; rule templates; DingTalk calendar sync mapping and quota; iCalendar feeds;
-- import previews; settings.

CREATE TABLE court_hearings (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  court_case_number text NOT NULL,
  court text NOT NULL,
  judge text,
  courtroom text,
  hearing_type text NOT NULL CHECK (hearing_type IN ('trial','interlocutory','case_management','pre_trial_review','mention','chambers','appeal','judgment','other')),
  title text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','cancelled')),
  lawyer_ids text[] NOT NULL DEFAULT '{}',
  notes text,
  -- RFC 5545 SEQUENCE: raised on every change of time and on cancellation.
  sequence integer NOT NULL DEFAULT 0,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','ical','csv','cause_list')),
  -- The UID of an imported event, so a second import updates instead of duplicating.
  external_uid text,
  created_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX court_hearings_case_idx ON court_hearings (case_id, starts_at);
CREATE INDEX court_hearings_time_idx ON court_hearings (starts_at);
CREATE UNIQUE INDEX court_hearings_uid_idx ON court_hearings (case_id, external_uid) WHERE external_uid IS NOT NULL;

-- Events deadlines run from that are not hearings ("writ served on ...").
CREATE TABLE court_triggers (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  kind text NOT NULL,
  label text,
  occurred_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','cancelled')),
  created_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX court_triggers_case_idx ON court_triggers (case_id);

CREATE TABLE court_deadlines (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('computed','fixed')),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
  anchor_type text CHECK (anchor_type IN ('hearing','trigger','deadline','date')),
  anchor_hearing_id text REFERENCES court_hearings(id),
  anchor_trigger_id text REFERENCES court_triggers(id),
  anchor_deadline_id text REFERENCES court_deadlines(id),
  anchor_date date,
  -- The anchor was cancelled: the deadline keeps its last date until someone decides.
  anchor_suspended boolean NOT NULL DEFAULT false,
  -- The period rule as computed (a copy, so a later template edit does not move it silently).
  rule jsonb,
  template_id text,
  template_version integer,
  citation text,
  working jsonb,
  lawyer_ids text[] NOT NULL DEFAULT '{}',
  notes text,
  sequence integer NOT NULL DEFAULT 0,
  created_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX court_deadlines_case_idx ON court_deadlines (case_id, due_on);
CREATE INDEX court_deadlines_due_idx ON court_deadlines (due_on);
CREATE INDEX court_deadlines_hearing_idx ON court_deadlines (anchor_hearing_id) WHERE anchor_hearing_id IS NOT NULL;
CREATE INDEX court_deadlines_trigger_idx ON court_deadlines (anchor_trigger_id) WHERE anchor_trigger_id IS NOT NULL;
CREATE INDEX court_deadlines_parent_idx ON court_deadlines (anchor_deadline_id) WHERE anchor_deadline_id IS NOT NULL;

-- Rule templates as versioned data; version 0 is the bundled template (kept in code).
CREATE TABLE court_rule_templates (
  id text NOT NULL,
  version integer NOT NULL,
  data jsonb NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  created_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- General holidays imported from the Government's file; an imported year replaces the bundled one.
CREATE TABLE court_holiday_imports (
  id bigserial PRIMARY KEY,
  years integer[] NOT NULL,
  holiday_count integer NOT NULL,
  prod_id text,
  imported_by text REFERENCES users(id),
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE court_holidays (
  holiday_date date PRIMARY KEY,
  name text NOT NULL,
  name_zh text,
  import_id bigint NOT NULL REFERENCES court_holiday_imports(id)
);

-- Declared gale / black rainstorm warning days and days the Registry was closed.
CREATE TABLE court_closures (
  closure_date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('gale_warning','black_rainstorm','office_closed')),
  note text,
  declared_by text REFERENCES users(id),
  declared_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE court_calendar_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  data jsonb NOT NULL,
  updated_by text REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Our key (item, lawyer) -> the DingTalk event and the hash of what we last sent.
CREATE TABLE court_sync_events (
  item_type text NOT NULL CHECK (item_type IN ('hearing','deadline')),
  item_id text NOT NULL,
  user_id text NOT NULL REFERENCES users(id),
  union_id text,
  event_id text,
  content_hash text,
  -- x-client-token of a create in flight: a retry after a crash reuses it, so no duplicate.
  client_token text,
  -- Raised after each delete, so a later re-create gets a fresh client token.
  generation integer NOT NULL DEFAULT 0,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','synced','error','deleted','skipped')),
  last_error text,
  attempts integer NOT NULL DEFAULT 0,
  synced_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_type, item_id, user_id)
);
CREATE INDEX court_sync_events_state_idx ON court_sync_events (state);

-- DingTalk calls made by the sync per calendar month (Hong Kong), against the budget.
CREATE TABLE court_sync_usage (
  month text PRIMARY KEY,
  calls bigint NOT NULL DEFAULT 0
);

-- Secret iCalendar feed URLs: the token is `<id>.<hmac>`, so only the id is stored.
CREATE TABLE court_feed_tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX court_feed_tokens_active_idx ON court_feed_tokens (user_id) WHERE revoked_at IS NULL;

-- Import previews: what was read and matched, waiting for the person to commit.
CREATE TABLE court_imports (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  format text NOT NULL,
  preview jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  committed_at timestamptz
);
