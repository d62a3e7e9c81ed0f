-- A status look-up reads the reference's index and the complaint's state row, and nothing
-- else unless the complaint has messages, clock holds or an outcome: the state row now
-- carries a copy of the timeline, whether the complaint has messages and clock holds, and
-- the complainant's latest answer on showing their identity. Each of these was a step down
-- another index on every look-up, the timeline's the largest (measured in bench/README.md).
-- The status events, messages, holds and consents stay the record. The copies are kept by
-- triggers, in the same transaction, whoever writes; a complaint's first event, 'received',
-- is its filing's, which the filing writer copies with the state row it makes. The
-- timeline's form, one event after another as "<at> <status> <bytes>:<note>", is described
-- in src/storage/sql/state_timeline.hpp.
ALTER TABLE complaint_states ADD COLUMN timeline TEXT NOT NULL DEFAULT '';
ALTER TABLE complaint_states ADD COLUMN has_messages INTEGER NOT NULL DEFAULT 0
    CHECK (has_messages IN (0, 1));
ALTER TABLE complaint_states ADD COLUMN has_clock_holds INTEGER NOT NULL DEFAULT 0
    CHECK (has_clock_holds IN (0, 1));
ALTER TABLE complaint_states ADD COLUMN identity_consent INTEGER NOT NULL DEFAULT 0
    CHECK (identity_consent IN (0, 1));

UPDATE complaint_states SET timeline = t.text
FROM (SELECT e.complaint_id, group_concat(e.entry, '') AS text
      FROM (SELECT complaint_id,
                   at || ' ' || status || ' ' || length(CAST(note AS BLOB)) || ':' || note
                       AS entry
            FROM status_events ORDER BY complaint_id, at, id) AS e
      GROUP BY e.complaint_id) AS t
WHERE t.complaint_id = complaint_states.complaint_id;
UPDATE complaint_states SET has_messages = 1
WHERE complaint_id IN (SELECT complaint_id FROM messages);
UPDATE complaint_states SET has_clock_holds = 1
WHERE complaint_id IN (SELECT complaint_id FROM clock_holds);
UPDATE complaint_states
SET identity_consent = (SELECT n.given FROM identity_consents AS n
                        WHERE n.complaint_id = complaint_states.complaint_id
                        ORDER BY n.id DESC LIMIT 1)
WHERE complaint_id IN (SELECT complaint_id FROM identity_consents);

CREATE TRIGGER status_events_extend_the_timeline AFTER INSERT ON status_events
WHEN NEW.status <> 'received'
BEGIN
    UPDATE complaint_states
    SET timeline = timeline || NEW.at || ' ' || NEW.status || ' ' ||
                   length(CAST(NEW.note AS BLOB)) || ':' || NEW.note
    WHERE complaint_id = NEW.complaint_id;
END;

CREATE TRIGGER messages_mark_the_state AFTER INSERT ON messages
BEGIN
    UPDATE complaint_states SET has_messages = 1
    WHERE complaint_id = NEW.complaint_id AND has_messages = 0;
END;

CREATE TRIGGER clock_holds_mark_the_state AFTER INSERT ON clock_holds
BEGIN
    UPDATE complaint_states SET has_clock_holds = 1
    WHERE complaint_id = NEW.complaint_id AND has_clock_holds = 0;
END;

CREATE TRIGGER identity_consents_mark_the_state AFTER INSERT ON identity_consents
BEGIN
    UPDATE complaint_states SET identity_consent = NEW.given
    WHERE complaint_id = NEW.complaint_id;
END;
