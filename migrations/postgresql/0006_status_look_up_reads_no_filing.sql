-- As SQLite's 0023: what a status look-up compares and shows is on the complaint's state
-- row, so that a look-up reads the reference index, the state row and the timeline index,
-- and never the complaint's row or its filing (kilobytes a row, most of the database). The
-- filing keeps its own copy: it is the record of what was received; this one is written
-- with it and never changes.
ALTER TABLE complaint_states ADD COLUMN receipt_hash bytea NOT NULL DEFAULT ''::bytea;
ALTER TABLE complaint_states ADD COLUMN confidentiality text COLLATE "C" NOT NULL DEFAULT '';
UPDATE complaint_states
SET receipt_hash = f.receipt_hash, confidentiality = f.confidentiality
FROM complaints AS c JOIN filings AS f ON f.id = c.filing_id
WHERE c.id = complaint_states.complaint_id;
-- The timeline is read from the index alone.
DROP INDEX status_events_by_complaint;
CREATE INDEX status_events_by_complaint ON status_events (complaint_id, at, id)
    INCLUDE (status, note);
