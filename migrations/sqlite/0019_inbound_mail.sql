-- Email intake (src/inbound/): messages a mail server piped to `redress ingest-email`, which
-- spools them as files; the server takes each file in once.
--
-- inbound_mail: one row per spool file taken, written in the same transaction as what was
-- made of it (a complaint filed, a message appended to one, or a quarantine), so that a
-- file is never taken twice: a file whose name is here is only deleted. outcome: filed,
-- reply or quarantined; complaint_id: the complaint filed or replied to (the first, when a
-- filing went to several offices); NULL for a quarantine.
CREATE TABLE inbound_mail (
    id           INTEGER PRIMARY KEY,
    spool_name   TEXT    NOT NULL UNIQUE,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('filed', 'reply', 'quarantined')),
    complaint_id INTEGER REFERENCES complaints (id),
    at           INTEGER NOT NULL
) STRICT;

-- mail_quarantine: messages that were not taken in, for intake officers to look at.
-- reason: a stable code (mail::Quarantine's, or reference_not_from_complainant, or
-- not_fileable); detail: one English sentence that names nothing of the message's content.
-- stored_name: the raw message, sealed with the evidence key, in the evidence folder;
-- size: its bytes before sealing.
CREATE TABLE mail_quarantine (
    id          INTEGER PRIMARY KEY,
    received_at INTEGER NOT NULL,
    reason      TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    stored_name TEXT    NOT NULL UNIQUE,
    size        INTEGER NOT NULL CHECK (size >= 0)
) STRICT;
