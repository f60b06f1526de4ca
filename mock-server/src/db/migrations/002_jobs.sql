-- Durable job queue (calendar sync, work notifications, reminders). Rows survive a restart;
-- workers claim with FOR UPDATE SKIP LOCKED, so several backend instances can share it.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Enqueueing the same key twice keeps one job (idempotent producers).
  dedupe_key text UNIQUE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs (status, run_at);

-- Every work notification we asked DingTalk to deliver, with its unique message id.
CREATE TABLE notifications (
  id text PRIMARY KEY,
  user_ids text[] NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  case_id text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed','skipped')),
  task_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX notifications_case_idx ON notifications (case_id);
