-- A work notification is written in one language: its recipients' (see jobs/messages.ts),
-- and the action card's button is labelled in the same language when it is sent.
ALTER TABLE notifications ADD COLUMN locale text NOT NULL DEFAULT 'zh-HK';
