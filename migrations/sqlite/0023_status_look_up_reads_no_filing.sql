-- What a status look-up compares and shows is on the complaint's state row, so that a
-- look-up reads the reference index, the state row and the timeline index, and never the
-- complaint's row or its filing: a filing carries the sealed account and people, kilobytes
-- a row, and its table is most of the database, so every page it costs a look-up is a page
-- no cache holds (measured in bench/README.md). The filing keeps its own copy: it is the
-- record of what was received; this one is written with it and never changes.
ALTER TABLE complaint_states ADD COLUMN receipt_hash BLOB NOT NULL DEFAULT x'';
ALTER TABLE complaint_states ADD COLUMN confidentiality TEXT NOT NULL DEFAULT '';
UPDATE complaint_states
SET receipt_hash = f.receipt_hash, confidentiality = f.confidentiality
FROM complaints AS c JOIN filings AS f ON f.id = c.filing_id
WHERE c.id = complaint_states.complaint_id;
-- The timeline of a status look-up is read from the index alone: each event's status and
-- note are in it, instead of one step down the events' table per event.
DROP INDEX status_events_by_complaint;
CREATE INDEX status_events_by_complaint ON status_events (complaint_id, at, id, status, note);
