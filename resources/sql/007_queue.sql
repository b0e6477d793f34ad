-- Schema 7: what the queue filters and sorts on, in SQL, at 100,000
-- submissions.
--
-- Queue facts per submission, kept by SubmissionStore when details are
-- stored (from the history, comments and verdicts) and, for the stage clock,
-- when the feed moves a submission to another stage:
--   stage_entered_at        when it entered its current stage
--   sla_paused_seconds      closed waits for the partner in that stage: the
--                           SLA clock stood still
--   awaiting_partner_since  the open wait: a partner-visible request from the
--                           marketplace with no partner reply after it
--   review_approved_by      whose review-stage approve it has (none after a
--                           return), for a security user's "my queue"
ALTER TABLE submissions ADD COLUMN stage_entered_at TEXT;
ALTER TABLE submissions ADD COLUMN sla_paused_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN awaiting_partner_since TEXT;
ALTER TABLE submissions ADD COLUMN review_approved_by TEXT;

-- A cache from before this schema gets what SQL can say from what it holds
-- (closed waits are not counted); open submissions' details are fetched
-- again, and storing them sets the facts exactly.
UPDATE submissions AS s SET
    stage_entered_at = coalesce(
        (SELECT max(h.at) FROM history h WHERE h.submission_id = s.id
         AND h.action IN ('submitted','resubmitted','approved_review','returned','approved','rejected','withdrawn')),
        CASE WHEN s.stage = 'review' THEN s.submitted_at ELSE s.updated_at END),
    awaiting_partner_since = (
        SELECT min(c.created_at) FROM comments c WHERE c.submission_id = s.id
        AND c.from_party = 'marketplace' AND c.visibility = 'partner'
        AND c.created_at > coalesce((SELECT max(p.created_at) FROM comments p
                                     WHERE p.submission_id = s.id AND p.from_party = 'partner'), '')),
    review_approved_by = (
        SELECT v.by_user FROM verdicts v WHERE v.submission_id = s.id AND v.stage = 'review'
        AND v.decision = 'approve' AND NOT EXISTS (SELECT 1 FROM verdicts r WHERE r.submission_id = s.id
                                                   AND r.decision = 'return' AND r.seq > v.seq)
        ORDER BY v.seq DESC LIMIT 1);
UPDATE submissions SET details_updated_at = NULL WHERE stage != 'done' AND details_updated_at IS NOT NULL;

-- Indexes for the saved views and the default sort (newest submitted first;
-- every index ends with the rowid, num, the keyset's tie-break).
-- My queue (assignee, stage), and any assignee filter: replaces the plain
-- assignee index.
DROP INDEX submissions_by_assignee;
CREATE INDEX submissions_by_assignee ON submissions (assignee, stage, submitted_at);
-- Review stage, Security stage, Decided.
CREATE INDEX submissions_by_stage ON submissions (stage, submitted_at);
-- All, and the sort by submitted date or age.
CREATE INDEX submissions_by_submitted ON submissions (submitted_at);
-- Unassigned: open ones with nobody on them.
CREATE INDEX submissions_unassigned ON submissions (submitted_at)
    WHERE assignee IS NULL AND stage != 'done';
-- Due for re-validation, Locked.
CREATE INDEX submissions_badges ON submissions (badge_expires_at) WHERE status = 'approved';
CREATE INDEX submissions_locks ON submissions (resubmission_allowed_at) WHERE status = 'rejected';
-- The sorts by name (as the queue sorts them: case-insensitive).
CREATE INDEX submissions_by_app_name ON submissions (app_name COLLATE NOCASE);
CREATE INDEX submissions_by_partner_name ON submissions (partner_name COLLATE NOCASE);

-- Pending upload, Conflicts and failures, the local-state column.
CREATE INDEX outbox_by_submission ON outbox (submission_id, state);
