-- Indexes every filing wrote into and no read uses, or used in part (measured on a
-- realistic filing, bench/README.md): each is a page or more written per group commit.
-- complaints_by_office: complaints are found by reference, id and filing, never by office
-- (the office handling a complaint is complaint_states.office_id, which has its own
-- indexes). complaint_states_by_case: every new complaint waits without a case, and the
-- index kept an entry for each; the reads that use it ask for one case (case_id = ?),
-- which a partial index of the complaints with a case answers.
DROP INDEX complaints_by_office;
DROP INDEX complaint_states_by_case;
CREATE INDEX complaint_states_by_case ON complaint_states (case_id) WHERE case_id IS NOT NULL;
