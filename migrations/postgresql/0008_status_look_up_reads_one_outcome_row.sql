-- As SQLite's 0025: a status look-up of a closed complaint reads its case's outcome in one
-- row, the latest closure and the findings of the latest round, kept by triggers in the
-- same transaction, whoever writes; the findings and closures stay the record. The
-- closure's columns are NULL until the case is first closed. The findings' form, one after
-- another as "<finding> <bytes>:<category>", is described in src/storage/sql/outcome_copy.hpp.
CREATE TABLE case_outcomes (
    case_id          bigint PRIMARY KEY REFERENCES cases (id),
    findings_round   bigint NOT NULL DEFAULT 0,
    findings         text COLLATE "C" NOT NULL DEFAULT '',
    sealed_text      bytea,
    sealed_remedy    bytea,
    reconsider_until text COLLATE "C"
);

INSERT INTO case_outcomes (case_id, findings_round, findings)
SELECT case_id, round,
       string_agg(finding || ' ' || octet_length(category) || ':' || category, '' ORDER BY id)
FROM case_findings AS f
WHERE round = (SELECT max(round) FROM case_findings AS l WHERE l.case_id = f.case_id)
GROUP BY case_id, round;

INSERT INTO case_outcomes (case_id, sealed_text, sealed_remedy, reconsider_until)
SELECT case_id, sealed_text, sealed_remedy, reconsider_until FROM case_closures AS k
WHERE id = (SELECT max(id) FROM case_closures AS l WHERE l.case_id = k.case_id)
ON CONFLICT (case_id) DO UPDATE
SET sealed_text = excluded.sealed_text, sealed_remedy = excluded.sealed_remedy,
    reconsider_until = excluded.reconsider_until;

-- A finding of a later round starts the copy again; one of the same round is added to it.
CREATE FUNCTION copy_finding_to_the_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_outcomes AS o (case_id, findings_round, findings)
    VALUES (NEW.case_id, NEW.round,
            NEW.finding || ' ' || octet_length(NEW.category) || ':' || NEW.category)
    ON CONFLICT (case_id) DO UPDATE
    SET findings = CASE WHEN excluded.findings_round > o.findings_round THEN excluded.findings
                        WHEN excluded.findings_round = o.findings_round
                            THEN o.findings || excluded.findings
                        ELSE o.findings END,
        findings_round = greatest(o.findings_round, excluded.findings_round);
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_findings_copy_to_the_outcome AFTER INSERT ON case_findings
FOR EACH ROW EXECUTE FUNCTION copy_finding_to_the_outcome();

-- The latest closure is the one written last.
CREATE FUNCTION copy_closure_to_the_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_outcomes (case_id, sealed_text, sealed_remedy, reconsider_until)
    VALUES (NEW.case_id, NEW.sealed_text, NEW.sealed_remedy, NEW.reconsider_until)
    ON CONFLICT (case_id) DO UPDATE
    SET sealed_text = excluded.sealed_text, sealed_remedy = excluded.sealed_remedy,
        reconsider_until = excluded.reconsider_until;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_closures_copy_to_the_outcome AFTER INSERT ON case_closures
FOR EACH ROW EXECUTE FUNCTION copy_closure_to_the_outcome();
