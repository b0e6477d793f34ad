-- Schema 2: what the review screen reads besides the summary: a submission's
-- kind, who wrote a comment, and every verdict as it was recorded.

ALTER TABLE submissions ADD COLUMN kind TEXT NOT NULL DEFAULT 'initial'
    CHECK (kind IN ('initial','resubmission','revalidation'));

-- 'from' is an SQL keyword; the cache names the same column from_party.
-- A partner's reply is always one the partner can see.
ALTER TABLE comments ADD COLUMN from_party TEXT NOT NULL DEFAULT 'marketplace'
    CHECK (from_party = 'marketplace' OR (from_party = 'partner' AND visibility = 'partner'));

-- One row per recorded verdict, in the order they were made (num). The
-- decision itself is kept as the JSON the API shows (RecordedVerdict), so the
-- audit record is exactly what was decided; the columns are for queries and
-- checks.
CREATE TABLE verdicts (
    num             INTEGER PRIMARY KEY,
    submission_id   TEXT NOT NULL REFERENCES submissions (id),
    stage           TEXT NOT NULL CHECK (stage IN ('review','security')),
    decision        TEXT NOT NULL CHECK (decision IN ('approve','reject','return')),
    decided_by      TEXT NOT NULL,
    at              TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    record          TEXT NOT NULL
);
CREATE INDEX verdicts_by_submission ON verdicts (submission_id, num);
