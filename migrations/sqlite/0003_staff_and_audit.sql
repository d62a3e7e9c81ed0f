-- The staff side's first tables: staff accounts with their roles and offices, their second
-- factor and recovery codes, their sessions, and the audit trail.
--
-- Secrets are never stored as given: passwords as Argon2id hashes, recovery codes and
-- session tokens as keyed hashes, the second factor's secret sealed with the identity key.

CREATE TABLE staff (
    id             INTEGER PRIMARY KEY,
    username       TEXT    NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
    display_name   TEXT    NOT NULL,
    password_hash  TEXT    NOT NULL,
    -- The second factor (TOTP) secret, sealed; empty until the member has enrolled.
    totp_secret    BLOB    NOT NULL DEFAULT x'',
    -- The last 30-second step whose code was accepted: a code works once.
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    disabled_at    INTEGER
) STRICT;

CREATE TABLE staff_roles (
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    role     TEXT    NOT NULL CHECK (role IN ('intake_officer', 'investigator', 'supervisor',
                                             'auditor', 'administrator', 'custodian')),
    PRIMARY KEY (staff_id, role)
) STRICT, WITHOUT ROWID;

-- The offices a member works for: their working roles apply to these offices' complaints.
CREATE TABLE staff_offices (
    staff_id  INTEGER NOT NULL REFERENCES staff (id),
    office_id TEXT    NOT NULL,
    PRIMARY KEY (staff_id, office_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE staff_recovery_codes (
    staff_id  INTEGER NOT NULL REFERENCES staff (id),
    code_hash BLOB    NOT NULL CHECK (length(code_hash) = 32),
    used_at   INTEGER,
    PRIMARY KEY (staff_id, code_hash)
) STRICT, WITHOUT ROWID;

CREATE TABLE staff_sessions (
    token_hash   BLOB    PRIMARY KEY CHECK (length(token_hash) = 32),
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ended_at     INTEGER
) STRICT, WITHOUT ROWID;

CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

-- The audit trail: who did what, when, to what. Each entry's hash covers the previous
-- entry's hash and its own fields (see storage/sqlite/audit_writer.hpp), so that an entry
-- changed, removed or moved breaks the chain from there on; `redress audit verify`
-- recomputes it. Signed checkpoints of the chain's head (audit_checkpoints) make a chain
-- rewritten from scratch, or cut short, detectable without trusting the database.
CREATE TABLE audit_events (
    sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
    at       INTEGER NOT NULL,
    actor    TEXT    NOT NULL,
    action   TEXT    NOT NULL CHECK (length(action) > 0),
    object   TEXT    NOT NULL,
    reason   TEXT    NOT NULL,
    details  TEXT    NOT NULL,
    previous BLOB    NOT NULL CHECK (length(previous) = 32),
    hash     BLOB    NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE TRIGGER audit_events_are_append_only_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_are_append_only_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

-- The head of the chain (its sequence and hash) at a moment, signed with the deployment's
-- signing key of that generation.
CREATE TABLE audit_checkpoints (
    sequence   INTEGER PRIMARY KEY REFERENCES audit_events (sequence),
    at         INTEGER NOT NULL,
    hash       BLOB    NOT NULL CHECK (length(hash) = 32),
    key_id     TEXT    NOT NULL,
    signature  TEXT    NOT NULL
) STRICT;
