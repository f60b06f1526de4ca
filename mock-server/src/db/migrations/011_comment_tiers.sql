-- A comment keeps the tier it was written in: the firm's remarks on a private draft stay
-- private when the draft is later shared with the client.
ALTER TABLE case_comments ADD COLUMN tier text;
UPDATE case_comments SET tier = COALESCE(
  (SELECT d.tier FROM case_documents d WHERE case_comments.target_type = 'document' AND d.id = case_comments.target_id),
  CASE WHEN target_type = 'thread' THEN target_id ELSE 'public' END);
ALTER TABLE case_comments ALTER COLUMN tier SET NOT NULL;
ALTER TABLE case_comments ADD CONSTRAINT case_comments_tier_check CHECK (tier IN ('public', 'restricted', 'private'));
