-- Possible duplicates and the complaint a duplicate repeats.
--
-- The same incident filed by several people is looked for by the incident date (the day
-- before, the day, the day after) among complaints of the same office that share a filed
-- category: only facts kept readable already (date, office, categories), nothing new in the
-- clear. This index finds a few days' filings among a million without reading the others.
CREATE INDEX filings_by_incident_date ON filings (incident_date);

-- A triage closing a complaint as a duplicate names the complaint it repeats (staff see it;
-- the complainant is told only the reason). NULL for every other decision.
ALTER TABLE triage_decisions ADD COLUMN duplicate_of INTEGER REFERENCES complaints (id);
