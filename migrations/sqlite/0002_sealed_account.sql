-- The account of what happened (time, place, narrative, injuries) and the subjects are
-- sealed (encrypted) before they reach storage, as personal data already was: a copy of
-- the database reveals no complaint and no person. Only what statistics and routing need
-- stays readable (channel, offices, categories, dates, status, counts). The plain columns
-- of 0001 stay, empty for every filing from now on; rows written before this version are
-- sealed by redress at start-up, once it has the key.

ALTER TABLE filings ADD COLUMN sealed_account BLOB NOT NULL DEFAULT x'';
ALTER TABLE filings ADD COLUMN subject_count INTEGER NOT NULL DEFAULT 0 CHECK (subject_count >= 0);

-- The check value of the key that seals this database's data (see crypto/keys.hpp), so
-- that redress refuses to run with a missing or different key instead of making a new one.
CREATE TABLE sealing_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    check_value BLOB    NOT NULL CHECK (length(check_value) = 32),
    adopted_at  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER sealing_key_is_never_changed BEFORE UPDATE ON sealing_key
BEGIN
    SELECT RAISE(ABORT, 'the sealing key of a database is never changed');
END;

CREATE TRIGGER sealing_key_is_never_removed BEFORE DELETE ON sealing_key
BEGIN
    SELECT RAISE(ABORT, 'the sealing key of a database is never changed');
END;
