-- Schema 1 of the reference marketplace's own store.

CREATE TABLE meta (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);

CREATE TABLE users (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    -- comma-separated: reviewer, lead, security
    roles   TEXT NOT NULL,
    -- demo tokens are kept so --print-tokens can show them after a restart;
    -- lookups go through their sha256
    token   TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE
);

CREATE TABLE submissions (
    num                     INTEGER PRIMARY KEY,
    id                      TEXT NOT NULL UNIQUE,
    version                 INTEGER NOT NULL CHECK (version >= 1),
    app_id                  TEXT NOT NULL,
    app_name                TEXT NOT NULL,
    partner_id              TEXT NOT NULL,
    partner_name            TEXT NOT NULL,
    questionnaire_version   TEXT NOT NULL,
    status                  TEXT NOT NULL CHECK (status IN ('submitted','in_review','approved','rejected','withdrawn')),
    stage                   TEXT NOT NULL CHECK (stage IN ('review','security','done')),
    assignee                TEXT REFERENCES users (id),
    submitted_at            TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    previous_submission_id  TEXT,
    badge_expires_at        TEXT,
    resubmission_allowed_at TEXT,
    -- who approved the review stage: never the same person at security
    review_approved_by      TEXT,
    -- position in the change feed: bumped on every change
    change_seq              INTEGER NOT NULL UNIQUE
);
CREATE INDEX submissions_by_assignee ON submissions (assignee, stage);

CREATE TABLE answers (
    submission_id   TEXT NOT NULL REFERENCES submissions (id),
    position        INTEGER NOT NULL,
    question_key    TEXT NOT NULL,
    text            TEXT NOT NULL,
    evidence_ids    TEXT NOT NULL,
    PRIMARY KEY (submission_id, position)
) WITHOUT ROWID;

CREATE TABLE blobs (
    sha256  TEXT PRIMARY KEY,
    content BLOB NOT NULL
);

CREATE TABLE evidence (
    id              TEXT PRIMARY KEY,
    submission_id   TEXT NOT NULL REFERENCES submissions (id),
    position        INTEGER NOT NULL,
    filename        TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL REFERENCES blobs (sha256)
);
CREATE INDEX evidence_by_submission ON evidence (submission_id, position);

CREATE TABLE comments (
    num             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    submission_id   TEXT NOT NULL REFERENCES submissions (id),
    author          TEXT NOT NULL,
    visibility      TEXT NOT NULL CHECK (visibility IN ('internal','partner')),
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX comments_by_submission ON comments (submission_id, num);

CREATE TABLE history (
    num             INTEGER PRIMARY KEY,
    submission_id   TEXT NOT NULL REFERENCES submissions (id),
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    detail          TEXT NOT NULL
);
CREATE INDEX history_by_submission ON history (submission_id, num);

-- Responses to writes, by (user, method + path, Idempotency-Key), replayed
-- for a repeated key with an equivalent body.
CREATE TABLE idempotency (
    user_id     TEXT NOT NULL,
    endpoint    TEXT NOT NULL,
    key         TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    status      INTEGER NOT NULL,
    response    BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, endpoint, key)
);
CREATE INDEX idempotency_by_age ON idempotency (created_at);
