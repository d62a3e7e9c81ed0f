-- Triage decisions, the staff's categories of a complaint, and referrals between offices.
-- Decisions and referrals are records of what was decided, by whom and why: never
-- changed, only followed by later records (a referral's answer is filled in once).

CREATE TABLE triage_decisions (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at           INTEGER NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    action       TEXT    NOT NULL CHECK (action IN ('accept', 'refer', 'close')),
    priority     INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    close_reason TEXT    CHECK (close_reason IN ('no_jurisdiction', 'insufficient_information',
                                                 'duplicate', 'withdrawn')),
    reason       TEXT    NOT NULL
) STRICT;

CREATE INDEX triage_decisions_by_complaint ON triage_decisions (complaint_id);

CREATE TRIGGER triage_decisions_are_never_changed BEFORE UPDATE ON triage_decisions
BEGIN
    SELECT RAISE(ABORT, 'triage decisions are never changed');
END;

CREATE TRIGGER triage_decisions_are_never_removed BEFORE DELETE ON triage_decisions
BEGIN
    SELECT RAISE(ABORT, 'triage decisions are never removed');
END;

-- The categories staff give a complaint at triage (the complainant's own stay in
-- filing_categories, as filed).
CREATE TABLE complaint_categories (
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    category     TEXT    NOT NULL,
    PRIMARY KEY (complaint_id, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE referrals (
    id                 INTEGER PRIMARY KEY,
    complaint_id       INTEGER NOT NULL REFERENCES complaints (id),
    from_office        TEXT    NOT NULL,
    to_office          TEXT    NOT NULL,
    at                 INTEGER NOT NULL,
    staff_id           INTEGER NOT NULL REFERENCES staff (id),
    state              TEXT    NOT NULL CHECK (state IN ('sent', 'accepted', 'declined',
                                                         'returned')),
    external_reference TEXT    NOT NULL DEFAULT '',
    answered_at        INTEGER,
    answer_reason      TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX referrals_by_complaint ON referrals (complaint_id);
CREATE INDEX referrals_to_office ON referrals (to_office, state);
