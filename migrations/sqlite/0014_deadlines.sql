-- When each complaint's clocks next fall due, kept beside its state so that an office's
-- overdue complaints are read from one index however many complaints there are. The clocks
-- themselves stay a function of the status events, the office's messages and the clock
-- holds (domain/complaint_clocks.hpp); this is what that function said, stored.
--
-- due_at: the earliest deadline (seconds since the epoch) of a clock that runs or is
-- already late; NULL when none does (closed, or every clock paused in time).
-- due_clock: which clock that is ('acknowledge', 'triage', 'update', 'resolution').
-- clocks_moved: 1 when something that moves the clocks happened since due_at was worked
-- out, or it never was (every complaint filed); redress works it out again in the
-- background and sets it back to 0.

ALTER TABLE complaint_states ADD COLUMN due_at INTEGER;
ALTER TABLE complaint_states ADD COLUMN due_clock TEXT;
ALTER TABLE complaint_states ADD COLUMN clocks_moved INTEGER NOT NULL DEFAULT 1
    CHECK (clocks_moved IN (0, 1));

CREATE INDEX complaint_states_due
    ON complaint_states (office_id, due_at, complaint_id) WHERE due_at IS NOT NULL;
CREATE INDEX complaint_states_clocks_moved
    ON complaint_states (complaint_id) WHERE clocks_moved = 1;

-- Whatever moves a clock marks the complaint, in the same transaction, whoever writes it:
-- a status event after the first, a message to the complainant, a pause or resumption.
CREATE TRIGGER status_events_move_the_clocks AFTER INSERT ON status_events
WHEN NEW.status <> 'received'
BEGIN
    UPDATE complaint_states SET clocks_moved = 1
    WHERE complaint_id = NEW.complaint_id AND clocks_moved = 0;
END;

CREATE TRIGGER messages_move_the_clocks AFTER INSERT ON messages
WHEN NEW.kind = 'to_complainant'
BEGIN
    UPDATE complaint_states SET clocks_moved = 1
    WHERE complaint_id = NEW.complaint_id AND clocks_moved = 0;
END;

CREATE TRIGGER clock_holds_move_the_clocks AFTER INSERT ON clock_holds
BEGIN
    UPDATE complaint_states SET clocks_moved = 1
    WHERE complaint_id = NEW.complaint_id AND clocks_moved = 0;
END;

-- The service levels, calendars and time zone the stored deadlines were worked out with
-- (as text). When the configuration changes them, every deadline is worked out again.
CREATE TABLE deadline_rules (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    rules TEXT    NOT NULL
) STRICT;
