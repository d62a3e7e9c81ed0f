-- Complaints a member of staff entered for a caller or a writer (channel phone or mail): who
-- took it, and when the office was contacted (the call, or the date on the letter), apart
-- from received_at (the moment it was stored, from which the clocks run). One row per
-- complaint of such a filing, written in the transaction that stores the filing.

CREATE TABLE staff_entries (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaints (id),
    entered_by   INTEGER NOT NULL REFERENCES staff (id),
    contacted_at INTEGER NOT NULL
) STRICT;
