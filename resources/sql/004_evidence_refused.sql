-- Schema 4: evidence the sync refused to take ('refused'): a file that
-- declares more than the size limit, or whose server sent more than it
-- declared or answered a range from the wrong offset. It is not asked for
-- again until its content (sha256) changes, which resets it to 'absent'.
-- SQLite cannot change a CHECK constraint in place: the table is made anew
-- under the same name, with its rows and indexes (nothing references it).

CREATE TABLE evidence_v4 (
    id              TEXT PRIMARY KEY,
    submission_id   TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    filename        TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL CHECK (size >= 0),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    -- The bytes live in evidence/<sha256> of the profile, never under the
    -- partner's filename.
    local_state     TEXT NOT NULL DEFAULT 'absent'
                    CHECK (local_state IN ('absent','present','mismatch','refused')),
    verified_at     TEXT
);
INSERT INTO evidence_v4 (id, submission_id, position, filename, media_type, size, sha256, local_state, verified_at)
    SELECT id, submission_id, position, filename, media_type, size, sha256, local_state, verified_at FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_v4 RENAME TO evidence;
CREATE INDEX evidence_by_submission ON evidence (submission_id);
CREATE INDEX evidence_by_state ON evidence (local_state);
