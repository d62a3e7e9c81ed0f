-- Evidence: the files sent with a filing or later. The files themselves lie sealed in the
-- evidence folder under the name the server made; a row says what each is (its type as
-- detected from its content, its size and SHA-256 before sealing) and holds the name the
-- complainant's device gave it, sealed with the content key. A file belongs to the filing,
-- and so to every complaint the filing became.

CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    filing_id   INTEGER NOT NULL REFERENCES filings (id),
    stored_name TEXT    NOT NULL UNIQUE CHECK (length(stored_name) = 32),
    media_type  TEXT    NOT NULL CHECK (length(media_type) > 0),
    size        INTEGER NOT NULL CHECK (size > 0),
    sha256      BLOB    NOT NULL CHECK (length(sha256) = 32),
    sealed_name BLOB    NOT NULL,
    added_at    INTEGER NOT NULL,
    source      TEXT    NOT NULL CHECK (source IN ('complainant', 'email', 'staff'))
) STRICT;

CREATE INDEX evidence_by_filing ON evidence (filing_id, id);

-- Kept as it was received: a file's record is never changed nor removed.
CREATE TRIGGER evidence_is_kept_as_received BEFORE UPDATE ON evidence
BEGIN
    SELECT RAISE(ABORT, 'evidence is kept as it was received');
END;
CREATE TRIGGER evidence_is_never_removed BEFORE DELETE ON evidence
BEGIN
    SELECT RAISE(ABORT, 'evidence is never removed');
END;
