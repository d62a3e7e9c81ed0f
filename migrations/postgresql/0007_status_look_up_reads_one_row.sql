-- As SQLite's 0024: a status look-up reads the reference's index and the complaint's state
-- row, and nothing else unless the complaint has messages, clock holds or an outcome. The
-- state row carries a copy of the timeline, whether the complaint has messages and clock
-- holds, and the complainant's latest answer on showing their identity, kept by triggers in
-- the same transaction, whoever writes; the status events, messages, holds and consents stay
-- the record. A complaint's first event, 'received', is its filing's, which the filing
-- writer copies with the state row it makes. The timeline's form, one event after another
-- as "<at> <status> <bytes>:<note>", is described in src/storage/sql/state_timeline.hpp.
ALTER TABLE complaint_states ADD COLUMN timeline text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE complaint_states ADD COLUMN has_messages bigint NOT NULL DEFAULT 0
    CHECK (has_messages IN (0, 1));
ALTER TABLE complaint_states ADD COLUMN has_clock_holds bigint NOT NULL DEFAULT 0
    CHECK (has_clock_holds IN (0, 1));
ALTER TABLE complaint_states ADD COLUMN identity_consent bigint NOT NULL DEFAULT 0
    CHECK (identity_consent IN (0, 1));

UPDATE complaint_states SET timeline = t.text
FROM (SELECT complaint_id,
             string_agg(at || ' ' || status || ' ' || octet_length(note) || ':' || note, ''
                        ORDER BY at, id) AS text
      FROM status_events GROUP BY complaint_id) AS t
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

CREATE FUNCTION extend_the_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_states
    SET timeline = timeline || NEW.at || ' ' || NEW.status || ' ' || octet_length(NEW.note) ||
                   ':' || NEW.note
    WHERE complaint_id = NEW.complaint_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER status_events_extend_the_timeline AFTER INSERT ON status_events
FOR EACH ROW WHEN (NEW.status <> 'received') EXECUTE FUNCTION extend_the_timeline();

CREATE FUNCTION mark_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_states SET has_messages = 1
    WHERE complaint_id = NEW.complaint_id AND has_messages = 0;
    RETURN NULL;
END;
$$;
CREATE TRIGGER messages_mark_the_state AFTER INSERT ON messages
FOR EACH ROW EXECUTE FUNCTION mark_messages();

CREATE FUNCTION mark_clock_holds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_states SET has_clock_holds = 1
    WHERE complaint_id = NEW.complaint_id AND has_clock_holds = 0;
    RETURN NULL;
END;
$$;
CREATE TRIGGER clock_holds_mark_the_state AFTER INSERT ON clock_holds
FOR EACH ROW EXECUTE FUNCTION mark_clock_holds();

CREATE FUNCTION copy_identity_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_states SET identity_consent = NEW.given
    WHERE complaint_id = NEW.complaint_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER identity_consents_mark_the_state AFTER INSERT ON identity_consents
FOR EACH ROW EXECUTE FUNCTION copy_identity_consent();
