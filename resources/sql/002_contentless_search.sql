-- Schema 2: the search index keeps no copy of the text it indexes.
--
-- Search never shows text from the index (detail=none has no positions for
-- snippets anyway): the answers table holds the text. A contentless index
-- (contentless_delete, SQLite >= 3.43) halves what a sync writes: the 25 KB
-- of answers of a submission were stored twice before.
DROP TABLE search;

CREATE VIRTUAL TABLE search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = none,
    content = '',
    contentless_delete = 1
);

-- Same row ids as before: 2 * submissions.num for the names, + 1 for the
-- answers.
INSERT INTO search (rowid, body)
    SELECT 2 * num, app_name || ' ' || partner_name FROM submissions;

INSERT INTO search (rowid, body)
    SELECT 2 * s.num + 1, group_concat(a.text, char(10) ORDER BY a.position)
    FROM answers a JOIN submissions s ON s.id = a.submission_id
    GROUP BY s.num;
