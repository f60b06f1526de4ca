-- Data classifier: versions of the label policy (kept as data) and the reports the wizard saves.
-- A report holds counts, labels, where data lives and masked samples only: never a raw value.
CREATE TABLE classifier_policies (
  org_id text NOT NULL REFERENCES orgs(id),
  version integer NOT NULL CHECK (version > 0),
  policy jsonb NOT NULL,
  note text NOT NULL,
  created_by text REFERENCES users(id),
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, version)
);

CREATE TABLE classification_reports (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES orgs(id),
  title text NOT NULL,
  home text NOT NULL CHECK (home IN ('hong_kong','macau')),
  policy_version integer NOT NULL CHECK (policy_version >= 0),
  scanned_at timestamptz NOT NULL,
  sources jsonb NOT NULL,
  source_count integer NOT NULL,
  public_count integer NOT NULL,
  internal_count integer NOT NULL,
  confidential_count integer NOT NULL,
  cross_border_count integer NOT NULL,
  created_by text NOT NULL REFERENCES users(id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classification_reports_org_idx ON classification_reports (org_id, created_at DESC, id DESC);
CREATE INDEX classification_reports_creator_idx ON classification_reports (created_by, created_at DESC);
