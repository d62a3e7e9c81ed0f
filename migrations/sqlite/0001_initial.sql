-- The first schema: filings as received, one complaint per destination office, and the
-- append-only status events that are the record of where each complaint stands.
-- Times are UTC seconds since 1970 (INTEGER). Personal data of the complainant, the
-- person affected and witnesses arrives sealed (encrypted) and is stored only as a blob.

CREATE TABLE filings (
    id                      INTEGER PRIMARY KEY,
    channel                 TEXT    NOT NULL CHECK (length(channel) > 0),
    language                TEXT    NOT NULL,
    received_at             INTEGER NOT NULL,
    receipt_hash            BLOB    NOT NULL CHECK (length(receipt_hash) = 32),
    confidentiality         TEXT    NOT NULL
                            CHECK (confidentiality IN ('anonymous', 'confidential', 'open')),
    whistleblower           INTEGER NOT NULL CHECK (whistleblower IN (0, 1)),
    on_behalf               INTEGER NOT NULL CHECK (on_behalf IN (0, 1)),
    sealed_people           BLOB    NOT NULL,
    witness_count           INTEGER NOT NULL CHECK (witness_count >= 0),
    incident_date           TEXT    NOT NULL,
    incident_date_precision TEXT    NOT NULL,
    incident_time           TEXT    NOT NULL,
    incident_when           TEXT    NOT NULL,
    place                   TEXT    NOT NULL,
    city                    TEXT    NOT NULL,
    region                  TEXT    NOT NULL,
    narrative               TEXT    NOT NULL,
    injuries                TEXT    NOT NULL
) STRICT;

CREATE TABLE filing_categories (
    filing_id INTEGER NOT NULL REFERENCES filings (id),
    category  TEXT    NOT NULL,
    PRIMARY KEY (filing_id, category)
) STRICT, WITHOUT ROWID;

-- The agents complained about, in the order the complainant gave them.
CREATE TABLE subjects (
    filing_id   INTEGER NOT NULL REFERENCES filings (id),
    ordinal     INTEGER NOT NULL CHECK (ordinal >= 0),
    name        TEXT    NOT NULL,
    badge       TEXT    NOT NULL,
    agency      TEXT    NOT NULL,
    component   TEXT    NOT NULL,
    unit        TEXT    NOT NULL,
    description TEXT    NOT NULL,
    uniform     TEXT    NOT NULL,
    vehicle     TEXT    NOT NULL,
    PRIMARY KEY (filing_id, ordinal)
) STRICT;

-- The last sequence number given out per office prefix and year.
CREATE TABLE office_sequences (
    prefix TEXT    NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL CHECK (last >= 0),
    PRIMARY KEY (prefix, year)
) STRICT, WITHOUT ROWID;

-- Where a complaint stands is not stored here: it is the latest of its status_events.
CREATE TABLE complaints (
    id        INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings (id),
    office_id TEXT    NOT NULL,
    prefix    TEXT    NOT NULL,
    year      INTEGER NOT NULL,
    sequence  INTEGER NOT NULL CHECK (sequence > 0),
    reference TEXT    NOT NULL,
    UNIQUE (prefix, year, sequence)
) STRICT;

CREATE UNIQUE INDEX complaints_by_reference ON complaints (reference);
CREATE INDEX complaints_by_filing ON complaints (filing_id);
CREATE INDEX complaints_by_office ON complaints (office_id);

CREATE TRIGGER complaints_are_never_changed BEFORE UPDATE ON complaints
BEGIN
    SELECT RAISE(ABORT, 'complaints are never changed; append a status event instead');
END;

CREATE TABLE status_events (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at           INTEGER NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('received', 'acknowledged', 'triaged',
                                                    'referred', 'investigating', 'findings',
                                                    'closed')),
    actor        TEXT    NOT NULL,
    note         TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX status_events_by_complaint ON status_events (complaint_id, at, id);

CREATE TRIGGER status_events_are_append_only_update BEFORE UPDATE ON status_events
BEGIN
    SELECT RAISE(ABORT, 'status_events is append-only');
END;

CREATE TRIGGER status_events_are_append_only_delete BEFORE DELETE ON status_events
BEGIN
    SELECT RAISE(ABORT, 'status_events is append-only');
END;
