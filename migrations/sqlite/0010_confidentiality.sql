-- Who may see what of a complainant. Four records, each appended, never removed:
--
-- identity_requests: a member's stated reason for opening a complainant's identity, and,
--   where the deployment asks for it, a custodian's answer (approved or declined, with a
--   reason). A request is answered once.
-- identity_views: every opening of an identity, with the reason given (and the request it
--   rests on, when approval was needed). The audit trail has an entry for each as well.
-- identity_consents: the complainant's own word, given on the status page, on whether an
--   office the complaint is referred to may see their identity. The latest one counts.
-- complaint_exclusions: staff closed out of a complaint, because the complaint names them
--   or because they recused themselves; neither can be undone.
--
-- filings.subject_marks: a keyed hash (16 bytes) of each subject's name as the complainant
-- wrote it, words sorted, so that a member whose name is marked is closed out of the
-- complaint without any name being stored in the clear.

ALTER TABLE filings ADD COLUMN subject_marks BLOB NOT NULL DEFAULT x'';

CREATE TABLE identity_requests (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    at           INTEGER NOT NULL,
    reason       TEXT    NOT NULL CHECK (length(reason) > 0),
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'declined')),
    decided_by   INTEGER REFERENCES staff (id),
    decided_at   INTEGER,
    answer       TEXT    NOT NULL DEFAULT '',
    CHECK ((state = 'pending') = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL))
) STRICT;

CREATE INDEX identity_requests_by_complaint ON identity_requests (complaint_id, staff_id, id);
CREATE INDEX identity_requests_pending ON identity_requests (state, id);

CREATE TRIGGER identity_requests_are_answered_once BEFORE UPDATE ON identity_requests
WHEN OLD.state <> 'pending'
  OR NEW.complaint_id IS NOT OLD.complaint_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.at IS NOT OLD.at OR NEW.reason IS NOT OLD.reason
BEGIN
    SELECT RAISE(ABORT, 'an identity request is answered once and never changed otherwise');
END;

CREATE TRIGGER identity_requests_are_never_removed BEFORE DELETE ON identity_requests
BEGIN
    SELECT RAISE(ABORT, 'identity requests are never removed');
END;

CREATE TABLE identity_views (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    at           INTEGER NOT NULL,
    reason       TEXT    NOT NULL CHECK (length(reason) > 0),
    request_id   INTEGER REFERENCES identity_requests (id)
) STRICT;

CREATE INDEX identity_views_by_complaint ON identity_views (complaint_id, id);

CREATE TRIGGER identity_views_are_never_changed BEFORE UPDATE ON identity_views
BEGIN
    SELECT RAISE(ABORT, 'identity views are records; they are never changed');
END;

CREATE TRIGGER identity_views_are_never_removed BEFORE DELETE ON identity_views
BEGIN
    SELECT RAISE(ABORT, 'identity views are never removed');
END;

CREATE TABLE identity_consents (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at           INTEGER NOT NULL,
    given        INTEGER NOT NULL CHECK (given IN (0, 1))
) STRICT;

CREATE INDEX identity_consents_by_complaint ON identity_consents (complaint_id, id);

CREATE TRIGGER identity_consents_are_never_changed BEFORE UPDATE ON identity_consents
BEGIN
    SELECT RAISE(ABORT, 'consents are records; a new one is added instead');
END;

CREATE TABLE complaint_exclusions (
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    reason       TEXT    NOT NULL CHECK (reason IN ('named', 'recused')),
    at           INTEGER NOT NULL,
    by_staff_id  INTEGER NOT NULL REFERENCES staff (id),
    PRIMARY KEY (complaint_id, staff_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER complaint_exclusions_are_never_changed BEFORE UPDATE ON complaint_exclusions
BEGIN
    SELECT RAISE(ABORT, 'an exclusion is never changed');
END;

CREATE TRIGGER complaint_exclusions_are_never_removed BEFORE DELETE ON complaint_exclusions
BEGIN
    SELECT RAISE(ABORT, 'an exclusion is never removed');
END;
