-- The clocks of a complaint paused while the office waits on someone (the complainant, or
-- another agency) and resumed: one row per pause or resumption, appended, never changed.
-- reason: 'waiting_on_complainant' or 'waiting_on_agency' for a pause, 'none' to resume.
-- The clocks themselves are rebuilt from these, the status events and the messages.

CREATE TABLE clock_holds (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at           INTEGER NOT NULL,
    reason       TEXT    NOT NULL
                 CHECK (reason IN ('none', 'waiting_on_complainant', 'waiting_on_agency')),
    staff_id     INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX clock_holds_by_complaint ON clock_holds (complaint_id, id);

CREATE TRIGGER clock_holds_are_never_changed BEFORE UPDATE ON clock_holds
BEGIN
    SELECT RAISE(ABORT, 'clock holds are records; a new one is added instead');
END;

CREATE TRIGGER clock_holds_are_never_removed BEFORE DELETE ON clock_holds
BEGIN
    SELECT RAISE(ABORT, 'clock holds are never removed');
END;
