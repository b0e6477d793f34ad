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
-- Due for re-validation and Locked ask of a submission whether its app has
-- a later submission (Locked: then it is no longer locked out) or a later
-- approved one (Due: then its badge was renewed). Asked per candidate that
-- is a probe for each of tens of thousands of old badges; kept here instead,
-- by triggers, so that the views are an index range:
--   later_submission  the app has a submission submitted after this one
--   later_approval    ... and one of those is approved
-- A submission arriving sets both for the earlier ones of its app, and its
-- own from the later ones already there; one becoming approved sets
-- later_approval on the earlier ones. (The API never takes an approval
-- back, nor moves a submission to another app or date.)
ALTER TABLE submissions ADD COLUMN later_submission INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN later_approval INTEGER NOT NULL DEFAULT 0;
UPDATE submissions AS s SET
    later_submission = EXISTS (SELECT 1 FROM submissions l WHERE l.app_id = s.app_id AND l.submitted_at > s.submitted_at),
    later_approval = EXISTS (SELECT 1 FROM submissions l WHERE l.app_id = s.app_id AND l.submitted_at > s.submitted_at
                             AND l.status = 'approved');

CREATE TRIGGER submissions_later_on_insert AFTER INSERT ON submissions BEGIN
    UPDATE submissions SET later_submission = 1, later_approval = later_approval OR NEW.status = 'approved'
        WHERE app_id = NEW.app_id AND submitted_at < NEW.submitted_at
        AND (later_submission = 0 OR (NEW.status = 'approved' AND later_approval = 0));
    -- Written only when there is something to say: a new submission is
    -- usually its app's latest.
    UPDATE submissions SET later_submission = 1,
        later_approval = EXISTS (SELECT 1 FROM submissions l WHERE l.app_id = NEW.app_id
                                 AND l.submitted_at > NEW.submitted_at AND l.status = 'approved')
        WHERE num = NEW.num AND EXISTS (SELECT 1 FROM submissions l WHERE l.app_id = NEW.app_id
                                        AND l.submitted_at > NEW.submitted_at);
END;

CREATE TRIGGER submissions_later_on_approval AFTER UPDATE OF status ON submissions
    WHEN NEW.status = 'approved' AND OLD.status != 'approved' BEGIN
    UPDATE submissions SET later_approval = 1
        WHERE app_id = NEW.app_id AND submitted_at < NEW.submitted_at AND later_approval = 0;
END;

-- Due for re-validation, Locked: the views themselves, newest first (the
-- bound on the date is checked in the index).
CREATE INDEX submissions_badges ON submissions (submitted_at, badge_expires_at)
    WHERE status = 'approved' AND later_approval = 0;
CREATE INDEX submissions_locks ON submissions (submitted_at, resubmission_allowed_at)
    WHERE status = 'rejected' AND later_submission = 0;
-- The sorts by name (as the queue sorts them: case-insensitive).
CREATE INDEX submissions_by_app_name ON submissions (app_name COLLATE NOCASE);
CREATE INDEX submissions_by_partner_name ON submissions (partner_name COLLATE NOCASE);

-- Pending upload, Conflicts and failures, the local-state column.
CREATE INDEX outbox_by_submission ON outbox (submission_id, state);
