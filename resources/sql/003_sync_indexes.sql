-- Schema 3: indexes for the questions a sync asks every time, so that a
-- sync with nothing new stays a few milliseconds however big the cache.

-- Which questionnaire versions are in use (and not stored yet).
CREATE INDEX submissions_by_questionnaire ON submissions (questionnaire_version);

-- Which submissions need their details (again): a partial index holds just
-- those, newest first, and is empty when the cache is in step.
CREATE INDEX submissions_needing_details ON submissions (updated_at)
    WHERE details_updated_at IS NULL OR details_updated_at != updated_at;
