-- Schema 5: what the review screen reads and writes.
--
-- What the marketplace says gains a submission's kind, who wrote a comment
-- (our people or the partner) and every verdict recorded on a submission;
-- the users behind the ids. The reviewer's own work gains the version and
-- basis a tick or note was made on (so work made on older text can be
-- flagged), which questions were read, the "addressed?" marks of a previous
-- rejection's reasons and when a submission was last opened; drafts and the
-- outbox learn 'return' and 'superseded'.

-- What the marketplace says ---------------------------------------------------

-- A cache from before kind existed guesses it from what it holds: no
-- previous submission is an initial one, a previous approved one makes a
-- revalidation, anything else a resubmission. The details are then fetched
-- again (below), and they carry the server's own word.
ALTER TABLE submissions ADD COLUMN kind TEXT NOT NULL DEFAULT 'initial'
    CHECK (kind IN ('initial','resubmission','revalidation'));
UPDATE submissions AS s SET kind = CASE
    WHEN s.previous_submission_id IS NULL THEN 'initial'
    WHEN (SELECT p.status FROM submissions p WHERE p.id = s.previous_submission_id) = 'approved' THEN 'revalidation'
    ELSE 'resubmission' END;

-- 'partner' marks the partner's replies (always visibility 'partner').
ALTER TABLE comments ADD COLUMN from_party TEXT NOT NULL DEFAULT 'marketplace'
    CHECK (from_party IN ('marketplace','partner'));

-- Every verdict recorded on a submission, oldest first (seq), exactly as the
-- server returned it (json: a RecordedVerdict); the columns are what is
-- asked of them without reading the JSON.
CREATE TABLE verdicts (
    submission_id   TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    stage           TEXT NOT NULL CHECK (stage IN ('review','security')),
    decision        TEXT NOT NULL CHECK (decision IN ('approve','reject','return')),
    by_user         TEXT NOT NULL,
    at              TEXT NOT NULL,
    version         INTEGER NOT NULL,
    json            TEXT NOT NULL,
    PRIMARY KEY (submission_id, seq)
);

-- GET /users: names for authors, actors and assignees. The signed-in user
-- (GET /me) is sync_state 'me', as JSON.
CREATE TABLE users (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    roles   TEXT NOT NULL DEFAULT '[]'
);

-- Details stored before this schema lack verdicts and the comments' authors'
-- side: they are fetched again on the next sync.
UPDATE submissions SET details_updated_at = NULL WHERE details_updated_at IS NOT NULL;

-- The reviewer's own work --------------------------------------------------------

-- The submission's version, and a digest of what the tick or note was about
-- (the category's answers and evidence sha256s), when it was made. NULL for
-- work made before this schema: not known.
ALTER TABLE checklist_ticks ADD COLUMN made_on_version INTEGER;
ALTER TABLE checklist_ticks ADD COLUMN basis TEXT;
ALTER TABLE notes ADD COLUMN made_on_version INTEGER;
ALTER TABLE notes ADD COLUMN basis TEXT;

CREATE TABLE question_reads (
    submission_id   TEXT NOT NULL,
    question_key    TEXT NOT NULL,
    read_at         TEXT NOT NULL,
    PRIMARY KEY (submission_id, question_key)
);

-- A resubmission's reviewer marks each reason of the previous rejection
-- addressed or not; reason_key is the reason's "category:code".
CREATE TABLE reason_marks (
    submission_id   TEXT NOT NULL,
    reason_key      TEXT NOT NULL,
    addressed       INTEGER NOT NULL CHECK (addressed IN (0, 1)),
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (submission_id, reason_key)
);

-- When the reviewer last opened a submission: comments after it are new.
CREATE TABLE opened (
    submission_id   TEXT PRIMARY KEY,
    last_opened_at  TEXT NOT NULL
);

-- SQLite cannot change a CHECK constraint in place: drafts and the outbox
-- are made anew under the same names, with their rows (nothing references
-- them).

-- Drafts accept 'return' and carry the verdict's internal notes.
CREATE TABLE drafts_v5 (
    submission_id   TEXT PRIMARY KEY,
    decision        TEXT CHECK (decision IS NULL OR decision IN ('approve','reject','return')),
    summary         TEXT NOT NULL DEFAULT '',
    reasons         TEXT NOT NULL DEFAULT '[]',
    updated_at      TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO drafts_v5 (submission_id, decision, summary, reasons, updated_at)
    SELECT submission_id, decision, summary, reasons, updated_at FROM drafts;
DROP TABLE drafts;
ALTER TABLE drafts_v5 RENAME TO drafts;

-- The outbox keeps its ids and its AUTOINCREMENT counter (an id is never
-- used twice, even for a deleted row): the counter is carried over by hand,
-- since DROP TABLE takes the old one with it. 'superseded': a conflict
-- entry re-based (superseded_by names the entry recorded in its place) or
-- discarded; never sent.
CREATE TABLE outbox_v5 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('verdict','assignment','comment')),
    submission_id   TEXT NOT NULL,
    payload         TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending','sent','conflict','failed','superseded')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    -- the submission as the server had it when it answered 409
    server_state    TEXT,
    response        TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    superseded_by   INTEGER
);
INSERT INTO outbox_v5 (id, kind, submission_id, payload, idempotency_key, state, attempts, last_error,
                       server_state, response, created_at, updated_at)
    SELECT id, kind, submission_id, payload, idempotency_key, state, attempts, last_error,
           server_state, response, created_at, updated_at FROM outbox;
DELETE FROM sqlite_sequence WHERE name = 'outbox_v5';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'outbox_v5', max(seq) FROM sqlite_sequence WHERE name = 'outbox' HAVING count(*) > 0;
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;
CREATE INDEX outbox_by_state ON outbox (state, id);
