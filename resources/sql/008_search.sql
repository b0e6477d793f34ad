-- Schema 8: comments are searched too.
--
-- A submission's text entry in the index (row id 2 * num + 1) holds its
-- answers and then its comments, as SubmissionStore writes it from now on
-- (SearchIndex::Batch::setText). Entries of submissions without comments
-- are right as they are; the others are written again. The index stays
-- contentless with detail=none (the sync's speed): phrases are checked and
-- snippets made on the cached text (SearchIndex::documents).
INSERT OR REPLACE INTO search (rowid, body)
    SELECT 2 * s.num + 1,
           concat_ws(char(10),
                     (SELECT group_concat(a.text, char(10) ORDER BY a.position) FROM answers a
                      WHERE a.submission_id = s.id),
                     (SELECT group_concat(c.body, char(10) ORDER BY c.created_at, c.id) FROM comments c
                      WHERE c.submission_id = s.id))
    FROM submissions s
    WHERE EXISTS (SELECT 1 FROM comments c WHERE c.submission_id = s.id)
    ORDER BY s.num;
