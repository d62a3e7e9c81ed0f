-- As SQLite's 0021: a filing's incident marks are written by the filing writer with its
-- complaints, many rows to a statement, instead of by a trigger once per complaint (on
-- PostgreSQL a plpgsql call and a statement each). Moving a complaint to another office
-- still moves its marks by trigger.
DROP TRIGGER complaint_states_mark_the_incident ON complaint_states;
DROP FUNCTION mark_the_incident();
