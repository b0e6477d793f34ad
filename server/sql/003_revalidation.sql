-- Schema 3: the yearly re-validation. The server opens a `revalidation`
-- submission 30 days before a badge expires, checked on every request: the
-- check must stay an index lookup however many submissions there are.

-- Set once a badge's re-validation is settled (opened, or the badge was
-- superseded by a later approval), so it leaves the partial index below and
-- is never looked at, or opened, again.
ALTER TABLE submissions ADD COLUMN revalidation_handled INTEGER NOT NULL DEFAULT 0
    CHECK (revalidation_handled IN (0, 1));

-- The badges still waiting for their re-validation, by expiry: the
-- per-request check reads the few that fall due and nothing else.
CREATE INDEX submissions_badge_due ON submissions (badge_expires_at)
    WHERE status = 'approved' AND revalidation_handled = 0;

-- An app's submissions (is there a later one?) and a submission's successors.
CREATE INDEX submissions_by_app ON submissions (app_id, submitted_at);
CREATE INDEX submissions_by_previous ON submissions (previous_submission_id);
