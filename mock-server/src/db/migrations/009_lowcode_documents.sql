-- The support report form, the classifier's label policy and the court rule templates become
-- low-code documents (lowcode_documents, migration 007): administrators edit them in the admin
-- app with a diff, publish with a step-up and roll back. This moves what the areas' own tables
-- held into that store, keeping every version and its number (reports name the form and policy
-- versions they were made with; deadlines the template version), then drops those tables.
--   support_form_versions  -> form / support-report
--   classifier_policies    -> classification_policy / default
--   court_rule_templates   -> court_rule_template / <template id>  (archived: true in the body)
-- Defaults the app ships (base form, built-in policy, bundled templates) are published at start
-- by the server when a document has no version.

-- The hash of a body is SHA-256 of its canonical JSON (keys sorted, no spaces), as
-- lowcode/documents.ts computes it. A helper for this migration only, dropped at its end.
SET LOCAL check_function_bodies = false;
CREATE FUNCTION lowcode_canonical_json_009(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS '
  SELECT CASE jsonb_typeof(j)
    WHEN ''object'' THEN ''{'' || COALESCE((SELECT string_agg(to_json(e.k)::text || '':'' || lowcode_canonical_json_009(e.v), '','' ORDER BY e.k COLLATE "C") FROM jsonb_each(j) AS e(k, v)), '''') || ''}''
    WHEN ''array'' THEN ''['' || COALESCE((SELECT string_agg(lowcode_canonical_json_009(a.v), '','' ORDER BY a.n) FROM jsonb_array_elements(j) WITH ORDINALITY AS a(v, n)), '''') || '']''
    ELSE j::text
  END';

-- Documents an administrator may have created by hand under these names before the apps read
-- them are kept, under `<key>.pre-009`, so the apps' own history takes the name.
UPDATE lowcode_documents SET key = key || '.pre-009'
  WHERE (kind = 'form' AND key = 'support-report') OR (kind = 'classification_policy' AND key = 'default');

-- Every version of the report form, with its number.
INSERT INTO lowcode_documents (id, kind, key, version, status, body, body_hash, note, author_id, author_name, created_at, updated_at, published_at, published_by)
SELECT 'mig009-form-' || f.version, 'form', 'support-report', f.version, 'published', f.schema::json,
       encode(sha256(convert_to(lowcode_canonical_json_009(f.schema), 'UTF8')), 'hex'),
       CASE WHEN f.published_by IS NULL THEN 'Base form of the app' ELSE NULL END,
       f.published_by, u.name, f.published_at, f.published_at, f.published_at, COALESCE(u.name, 'system')
FROM support_form_versions f LEFT JOIN users u ON u.id = f.published_by;

-- Every saved version of the label policy, with its number. One firm per deployment (its
-- DingTalk corp): the versions of the organisation that saved the first one.
INSERT INTO lowcode_documents (id, kind, key, version, status, body, body_hash, note, author_id, author_name, created_at, updated_at, published_at, published_by)
SELECT 'mig009-policy-' || p.version, 'classification_policy', 'default', p.version, 'published', p.policy::json,
       encode(sha256(convert_to(lowcode_canonical_json_009(p.policy), 'UTF8')), 'hex'),
       p.note, p.created_by, p.created_by_name, p.created_at, p.created_at, p.created_at, COALESCE(p.created_by_name, 'system')
FROM classifier_policies p
WHERE p.org_id = (SELECT first.org_id FROM classifier_policies first ORDER BY first.created_at, first.version LIMIT 1);

-- Every stored version of each rule template, with its number; an archived version says so in its body.
INSERT INTO lowcode_documents (id, kind, key, version, status, body, body_hash, note, author_id, author_name, created_at, updated_at, published_at, published_by)
SELECT 'mig009-template-' || t.id || '-' || t.version, 'court_rule_template', t.id, t.version, 'published', b.body::json,
       encode(sha256(convert_to(lowcode_canonical_json_009(b.body), 'UTF8')), 'hex'),
       CASE WHEN t.archived THEN 'Archived' ELSE NULL END,
       t.created_by, u.name, t.created_at, t.created_at, t.created_at, COALESCE(u.name, 'system')
FROM court_rule_templates t
CROSS JOIN LATERAL (SELECT CASE WHEN t.archived THEN t.data || '{"archived": true}'::jsonb ELSE t.data END AS body) b
LEFT JOIN users u ON u.id = t.created_by;

-- Reports keep their form version number; the form lives in the document store now.
ALTER TABLE support_reports DROP CONSTRAINT IF EXISTS support_reports_form_version_fkey;
DROP TABLE support_form_versions;
DROP TABLE classifier_policies;
DROP TABLE court_rule_templates;
DROP FUNCTION lowcode_canonical_json_009(jsonb);
