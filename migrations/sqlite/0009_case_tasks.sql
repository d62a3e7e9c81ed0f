-- Tasks on a case: what is to be done and by which day (the office's own deadlines, beside
-- the service-level clocks). A task is added, then marked done once; nothing else about it
-- ever changes, and no task is removed. The title is sealed with the content key.

CREATE TABLE case_tasks (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    at           INTEGER NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    sealed_title BLOB    NOT NULL,
    due_on       TEXT    NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    done_at      INTEGER,
    done_by      INTEGER REFERENCES staff (id),
    CHECK ((done_at IS NULL) = (done_by IS NULL))
) STRICT;

CREATE INDEX case_tasks_by_case ON case_tasks (case_id, id);

CREATE TRIGGER case_tasks_are_done_once BEFORE UPDATE ON case_tasks
WHEN OLD.done_at IS NOT NULL
  OR NEW.case_id IS NOT OLD.case_id OR NEW.at IS NOT OLD.at OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.sealed_title IS NOT OLD.sealed_title OR NEW.due_on IS NOT OLD.due_on
BEGIN
    SELECT RAISE(ABORT, 'a task is marked done once and never changed otherwise');
END;

CREATE TRIGGER case_tasks_are_never_removed BEFORE DELETE ON case_tasks
BEGIN
    SELECT RAISE(ABORT, 'tasks are never removed');
END;
