-- Cases, their staff-only notes, findings and closures, and the messages between an office
-- and a complainant. A case is opened when triage accepts a complaint; the complaint's
-- state row (complaint_states.case_id) names it. The case row holds where the case stands
-- now (its investigator and state); every change to it is also an audit entry. Notes,
-- findings, closures and messages are records: appended, never changed, never removed.
-- Their texts are sealed with the content key, as the account of what happened is.

CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    office_id       TEXT    NOT NULL,
    opened_at       INTEGER NOT NULL,
    opened_by       INTEGER NOT NULL REFERENCES staff (id),
    investigator_id INTEGER REFERENCES staff (id),
    state           TEXT    NOT NULL CHECK (state IN ('open', 'findings', 'closed')),
    changed_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX cases_by_investigator ON cases (investigator_id, state);
CREATE INDEX complaint_states_by_case ON complaint_states (case_id);

CREATE TABLE case_notes (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    at          INTEGER NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    sealed_text BLOB    NOT NULL
) STRICT;

CREATE INDEX case_notes_by_case ON case_notes (case_id, id);

-- One row per allegation each time findings are recorded; the latest round is the one in
-- force (a reconsideration may lead to another).
CREATE TABLE case_findings (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases (id),
    round    INTEGER NOT NULL CHECK (round > 0),
    at       INTEGER NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    category TEXT    NOT NULL,
    finding  TEXT    NOT NULL CHECK (finding IN ('sustained', 'not_sustained', 'exonerated',
                                                 'unfounded', 'policy_failure', 'no_finding')),
    UNIQUE (case_id, round, category)
) STRICT;

-- The closure the complainant is told; the latest is the one in force. reconsider_until:
-- the last day (YYYY-MM-DD, the office's calendar) to ask for reconsideration, '' if none.
CREATE TABLE case_closures (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases (id),
    at               INTEGER NOT NULL,
    staff_id         INTEGER NOT NULL REFERENCES staff (id),
    sealed_text      BLOB    NOT NULL,
    sealed_remedy    BLOB    NOT NULL,
    reconsider_until TEXT    NOT NULL
) STRICT;

CREATE INDEX case_closures_by_case ON case_closures (case_id, id);

CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at           INTEGER NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('to_complainant', 'from_complainant',
                                                  'reconsideration')),
    staff_id     INTEGER REFERENCES staff (id),
    sealed_text  BLOB    NOT NULL,
    CHECK ((kind = 'to_complainant') = (staff_id IS NOT NULL))
) STRICT;

CREATE INDEX messages_by_complaint ON messages (complaint_id, id);

CREATE TRIGGER case_notes_are_append_only_update BEFORE UPDATE ON case_notes
BEGIN SELECT RAISE(ABORT, 'case notes are never changed'); END;
CREATE TRIGGER case_notes_are_append_only_delete BEFORE DELETE ON case_notes
BEGIN SELECT RAISE(ABORT, 'case notes are never removed'); END;
CREATE TRIGGER case_findings_are_append_only_update BEFORE UPDATE ON case_findings
BEGIN SELECT RAISE(ABORT, 'findings are never changed'); END;
CREATE TRIGGER case_findings_are_append_only_delete BEFORE DELETE ON case_findings
BEGIN SELECT RAISE(ABORT, 'findings are never removed'); END;
CREATE TRIGGER case_closures_are_append_only_update BEFORE UPDATE ON case_closures
BEGIN SELECT RAISE(ABORT, 'closures are never changed'); END;
CREATE TRIGGER case_closures_are_append_only_delete BEFORE DELETE ON case_closures
BEGIN SELECT RAISE(ABORT, 'closures are never removed'); END;
CREATE TRIGGER messages_are_append_only_update BEFORE UPDATE ON messages
BEGIN SELECT RAISE(ABORT, 'messages are never changed'); END;
CREATE TRIGGER messages_are_append_only_delete BEFORE DELETE ON messages
BEGIN SELECT RAISE(ABORT, 'messages are never removed'); END;

-- Complaints accepted before cases existed get a case each, opened by the accepting triage
-- and numbered as the complaint (the table is empty until now, so these ids are free).
INSERT INTO cases (id, office_id, opened_at, opened_by, state, changed_at)
SELECT s.complaint_id, s.office_id, d.at, d.staff_id, 'open', d.at
FROM complaint_states AS s
JOIN triage_decisions AS d ON d.id = (SELECT max(d2.id) FROM triage_decisions AS d2
                                      WHERE d2.complaint_id = s.complaint_id
                                        AND d2.action = 'accept')
WHERE s.case_id IS NULL AND s.queue = 'investigating';

UPDATE complaint_states SET case_id = complaint_id
WHERE case_id IS NULL AND queue = 'investigating'
  AND complaint_id IN (SELECT id FROM cases);
