-- A deadline whose date passed without the act being done can be recorded as missed.
ALTER TABLE court_deadlines DROP CONSTRAINT court_deadlines_status_check;
ALTER TABLE court_deadlines ADD CONSTRAINT court_deadlines_status_check CHECK (status IN ('open','done','missed','cancelled'));
