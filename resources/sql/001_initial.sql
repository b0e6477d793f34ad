-- Schema 1 of the local cache. SQLite runs the file whole, in one
-- transaction together with PRAGMA user_version.

-- What the marketplace says (replaced by sync) -----------------------------

CREATE TABLE questionnaires (
    version     TEXT PRIMARY KEY,
    json        TEXT NOT NULL,
    fetched_at  TEXT NOT NULL
);

CREATE TABLE submissions (
    -- A stable integer key (VACUUM may renumber an implicit rowid); the
    -- search index refers to it.
    num                     INTEGER PRIMARY KEY,
    id                      TEXT NOT NULL UNIQUE,
    version                 INTEGER NOT NULL,
    app_id                  TEXT NOT NULL,
    app_name                TEXT NOT NULL,
    partner_id              TEXT NOT NULL,
    partner_name            TEXT NOT NULL,
    questionnaire_version   TEXT NOT NULL,
    status                  TEXT NOT NULL CHECK (status IN ('submitted','in_review','approved','rejected','withdrawn')),
    stage                   TEXT NOT NULL CHECK (stage IN ('review','security','done')),
    assignee                TEXT,
    submitted_at            TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    previous_submission_id  TEXT,
    badge_expires_at        TEXT,
    resubmission_allowed_at TEXT,
    -- updated_at of the summary the stored details belong to; NULL until the
    -- details were fetched. Details are stale when it differs from updated_at.
    details_updated_at      TEXT
);
CREATE INDEX submissions_by_state ON submissions (stage, status);
CREATE INDEX submissions_by_assignee ON submissions (assignee);
CREATE INDEX submissions_by_app ON submissions (app_id, submitted_at);

CREATE TABLE answers (
    submission_id   TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    question_key    TEXT NOT NULL,
    text            TEXT NOT NULL,
    evidence_ids    TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (submission_id, question_key)
);

CREATE TABLE evidence (
    id              TEXT PRIMARY KEY,
    submission_id   TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    filename        TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL CHECK (size >= 0),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    -- The bytes live in evidence/<sha256> of the profile, never under the
    -- partner's filename.
    local_state     TEXT NOT NULL DEFAULT 'absent' CHECK (local_state IN ('absent','present','mismatch')),
    verified_at     TEXT
);
CREATE INDEX evidence_by_submission ON evidence (submission_id);
CREATE INDEX evidence_by_state ON evidence (local_state);

CREATE TABLE comments (
    id              TEXT PRIMARY KEY,
    submission_id   TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    author          TEXT NOT NULL,
    visibility      TEXT NOT NULL CHECK (visibility IN ('internal','partner')),
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX comments_by_submission ON comments (submission_id, created_at);

CREATE TABLE history (
    submission_id   TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (submission_id, seq)
);

-- Sync bookkeeping: the feed cursor and other single values.
CREATE TABLE sync_state (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);

-- Instant search over app and partner names and answer text. Kept by the
-- Cache in the same transaction as the rows it indexes. Row ids tie an entry
-- to its submission (2 * submissions.num for the names, + 1 for the
-- answers), so replacing an entry is a lookup, not a scan.
-- detail=none keeps only which rows hold a token, not where: search asks
-- for (prefixes of) words, never phrases, and storing a submission's 25 KB
-- of answers then costs a fraction of the full index.
CREATE VIRTUAL TABLE search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = none
);

-- The reviewer's own work (never touched by sync) ---------------------------
-- No foreign keys to submissions on purpose: a reviewer's work outlives any
-- refresh of the cached copy.

CREATE TABLE checklist_ticks (
    submission_id   TEXT NOT NULL,
    item_key        TEXT NOT NULL,
    checked         INTEGER NOT NULL CHECK (checked IN (0, 1)),
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (submission_id, item_key)
);

CREATE TABLE notes (
    submission_id   TEXT NOT NULL,
    -- '' for the note on the whole submission
    question_key    TEXT NOT NULL,
    body            TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (submission_id, question_key)
);

CREATE TABLE drafts (
    submission_id   TEXT PRIMARY KEY,
    decision        TEXT CHECK (decision IS NULL OR decision IN ('approve','reject')),
    summary         TEXT NOT NULL DEFAULT '',
    reasons         TEXT NOT NULL DEFAULT '[]',
    updated_at      TEXT NOT NULL
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('verdict','assignment','comment')),
    submission_id   TEXT NOT NULL,
    payload         TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','sent','conflict','failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    -- the submission as the server had it when it answered 409
    server_state    TEXT,
    response        TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (state, id);
