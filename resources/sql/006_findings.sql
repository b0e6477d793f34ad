-- Schema 6: what the secrets and PII finder saw in the evidence files, so a
-- finding count is known before anything is opened, and which items the
-- reviewer has looked at.
--
-- Like the files themselves, scans are kept by content (sha256): items that
-- share a file share its scan. Findings hold positions and kinds only, never
-- the secret: the secret stays in the evidence file.

-- One row per scanned file, at the finder's version (SecretsFinder::Version):
-- a file scanned by an older version is scanned again.
--   'scanned'   its text was scanned; finding_count findings are stored
--               (truncated: the finder stopped at its limit, there are more)
--   'failed'    it could not be scanned (unreadable, a PDF QtPdf refused):
--               error says why; it is not clean
--   'not_text'  it has no text the finder reads (an image, a binary): not
--               scanned, and not clean either
CREATE TABLE evidence_scans (
    sha256          TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    scanner_version INTEGER NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('scanned','failed','not_text')),
    finding_count   INTEGER NOT NULL DEFAULT 0 CHECK (finding_count >= 0),
    truncated       INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
    error           TEXT,
    scanned_at      TEXT NOT NULL
);

-- The findings of a scanned file, in the finder's order (seq). kind is
-- SecretFinding::kindName; positions as in domain/SecretFinding.h.
CREATE TABLE evidence_findings (
    sha256          TEXT NOT NULL REFERENCES evidence_scans (sha256) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    rule            TEXT NOT NULL,
    page            INTEGER NOT NULL DEFAULT 0,
    line            INTEGER NOT NULL,
    col             INTEGER NOT NULL,
    length          INTEGER NOT NULL,
    line_count      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (sha256, seq)
) WITHOUT ROWID;

-- The reviewer's own work: evidence items opened in the review screen (which
-- counts as looking at their findings), with the content seen then. A
-- replaced file (another sha256) has not been seen.
CREATE TABLE evidence_seen (
    submission_id   TEXT NOT NULL,
    evidence_id     TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    seen_at         TEXT NOT NULL,
    PRIMARY KEY (submission_id, evidence_id)
);
