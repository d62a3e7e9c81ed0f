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

-- Each complaint's events joined in the order of its window (time, then as written), which
-- a window's frame keeps and a plain GROUP BY does not promise; one row per complaint.
UPDATE complaint_states SET timeline = t.text
FROM (SELECT complaint_id, text
      FROM (SELECT complaint_id, row_number() OVER events AS n,
                   group_concat(at || ' ' || status || ' ' || length(CAST(note AS BLOB)) ||
                                ':' || note, '')
                       OVER (events ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
                       AS text
            FROM status_events
            WINDOW events AS (PARTITION BY complaint_id ORDER BY at, id))
      WHERE n = 1) AS t
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
