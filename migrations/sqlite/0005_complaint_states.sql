-- Where each complaint stands now, kept beside the append-only status events so that an
-- office's queue is read from one index however many complaints there are. The events
-- stay the record; this table is the same facts arranged for the queue, changed in the
-- same transaction as every event that moves a complaint.
--
-- queue: which of an office's work lists the complaint is on: 'triage' (received or
-- acknowledged, awaiting a decision), 'referred', 'investigating', 'findings', 'closed'.
-- priority: 0 low, 1 normal, 2 high, 3 urgent; the queue shows the most urgent first,
-- then the oldest.

CREATE TABLE complaint_states (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaints (id),
    office_id    TEXT    NOT NULL,
    queue        TEXT    NOT NULL CHECK (queue IN ('triage', 'referred', 'investigating',
                                                   'findings', 'closed')),
    status       TEXT    NOT NULL,
    priority     INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
    channel      TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    case_id      INTEGER,
    changed_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX complaint_states_queue
    ON complaint_states (office_id, queue, priority DESC, received_at, complaint_id);

INSERT INTO complaint_states (complaint_id, office_id, queue, status, priority, channel,
                              received_at, changed_at)
SELECT c.id, c.office_id,
       CASE latest.status WHEN 'received' THEN 'triage' WHEN 'acknowledged' THEN 'triage'
                          WHEN 'triaged' THEN 'investigating' ELSE latest.status END,
       latest.status, 1, f.channel, f.received_at, latest.at
FROM complaints AS c
JOIN filings AS f ON f.id = c.filing_id
JOIN (SELECT e.complaint_id, e.status, e.at
      FROM status_events AS e
      WHERE e.id = (SELECT e2.id FROM status_events AS e2 WHERE e2.complaint_id = e.complaint_id
                    ORDER BY e2.at DESC, e2.id DESC LIMIT 1)) AS latest
  ON latest.complaint_id = c.id;
