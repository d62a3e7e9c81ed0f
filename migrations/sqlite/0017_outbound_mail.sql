-- Mail to complainants (outbound/): acknowledgments, and notices that a complaint's status
-- changed, sent by SMTP in the background as durable jobs. A mail server that is down
-- delays a mail; it never loses it, nor the complaint it is about.
--
-- mail_contacts: one row per complaint whose complainant gave an email address and asked
-- for mail. The address is sealed with the mail key (never stored in the clear);
-- language: the one the mails are written in; status_notices: 1 when the complainant
-- asked to be told of status changes (replies by email), 0 when only an acknowledgment
-- goes back (a complaint received by email from someone who did not ask for more).
CREATE TABLE mail_contacts (
    complaint_id   INTEGER PRIMARY KEY REFERENCES complaints (id),
    sealed_address BLOB    NOT NULL,
    language       TEXT    NOT NULL,
    status_notices INTEGER NOT NULL CHECK (status_notices IN (0, 1))
) STRICT;

-- outbound_mail: one row per mail to send. kind: what it says; sealed_extra: NULL, except
-- for an acknowledgment that must carry a secret the complainant has not seen on a screen
-- (the receipt of a complaint received by email), sealed with the mail key and erased once
-- sent or given up. due_at: when the next attempt may be made; attempts: how many failed;
-- last_error: the last failure's reason, which names no address and no content. A mail is
-- waiting while neither sent_at nor given_up_at is set.
CREATE TABLE outbound_mail (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('acknowledgment', 'status_changed')),
    sealed_extra BLOB,
    created_at   INTEGER NOT NULL,
    due_at       INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error   TEXT    NOT NULL DEFAULT '',
    sent_at      INTEGER,
    given_up_at  INTEGER
) STRICT;

-- What is due is one range of this index, however many mails were ever sent.
CREATE INDEX outbound_mail_due
    ON outbound_mail (due_at, id) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX outbound_mail_by_complaint ON outbound_mail (complaint_id);

-- Every status event after the first queues a notice, in the same transaction, whoever
-- writes it, for a complaint whose complainant asked for them; not a second one while one
-- is still waiting (a notice says only that the status changed: one covers several).
CREATE TRIGGER status_events_queue_mail AFTER INSERT ON status_events
WHEN NEW.status <> 'received'
BEGIN
    INSERT INTO outbound_mail (complaint_id, kind, created_at, due_at)
    SELECT NEW.complaint_id, 'status_changed', NEW.at, NEW.at
    FROM mail_contacts AS m
    WHERE m.complaint_id = NEW.complaint_id AND m.status_notices = 1
      AND NOT EXISTS (SELECT 1 FROM outbound_mail AS o
                      WHERE o.complaint_id = NEW.complaint_id AND o.kind = 'status_changed'
                        AND o.sent_at IS NULL AND o.given_up_at IS NULL);
END;
