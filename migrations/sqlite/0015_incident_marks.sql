-- What the search for the same incident filed by others reads: one row per complaint and
-- filed category, keyed by the office handling the complaint, the category, the incident
-- date and when it was received, so that "this office, these categories, these three days,
-- newest first" is a few short ranges of one index instead of every filing of those days
-- (at a million complaints a year, thousands) joined to its complaint and categories.
-- Only facts kept readable already (office, category, date); kept by triggers, whoever
-- writes, in the transaction that files the complaint or moves it to another office.

CREATE TABLE incident_marks (
    office_id     TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    incident_date TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
    filing_id     INTEGER NOT NULL REFERENCES filings (id),
    PRIMARY KEY (office_id, category, incident_date, received_at, complaint_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX incident_marks_by_complaint ON incident_marks (complaint_id);

INSERT INTO incident_marks (office_id, category, incident_date, received_at, complaint_id,
                            filing_id)
SELECT s.office_id, fc.category, f.incident_date, f.received_at, c.id, f.id
FROM complaint_states AS s
JOIN complaints AS c ON c.id = s.complaint_id
JOIN filings AS f ON f.id = c.filing_id
JOIN filing_categories AS fc ON fc.filing_id = f.id;

-- A complaint filed: its categories were stored with its filing just before.
CREATE TRIGGER complaint_states_mark_the_incident AFTER INSERT ON complaint_states
BEGIN
    INSERT INTO incident_marks (office_id, category, incident_date, received_at, complaint_id,
                                filing_id)
    SELECT NEW.office_id, fc.category, f.incident_date, f.received_at, c.id, f.id
    FROM complaints AS c
    JOIN filings AS f ON f.id = c.filing_id
    JOIN filing_categories AS fc ON fc.filing_id = f.id
    WHERE c.id = NEW.complaint_id;
END;

-- A complaint that another office now handles is looked for among that office's.
CREATE TRIGGER complaint_states_move_the_incident_marks AFTER UPDATE OF office_id
ON complaint_states WHEN NEW.office_id <> OLD.office_id
BEGIN
    UPDATE incident_marks SET office_id = NEW.office_id WHERE complaint_id = NEW.complaint_id;
END;

-- The index the search read before; nothing reads it now, and every filing paid for it.
DROP INDEX filings_by_incident_date;
