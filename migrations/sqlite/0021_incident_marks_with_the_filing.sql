-- A filing's incident marks (0015) are written by the filing writer with its complaints,
-- many rows to a statement (src/storage/sql/filing_writer.cpp), instead of by a trigger
-- once per complaint: the writer is the one place complaints are made, and knows every
-- value. Moving a complaint to another office still moves its marks by trigger.
DROP TRIGGER complaint_states_mark_the_incident;
