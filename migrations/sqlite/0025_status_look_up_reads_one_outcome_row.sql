-- A status look-up of a closed complaint reads its case's outcome in one row: the latest
-- closure (its sealed text and remedy, and until when reconsideration may be asked for) and
-- the findings of the latest round. Before, it took two statements: the latest closure
-- through its index, then the findings through theirs, a row each and a sort, about three
-- times the cost (measured in bench/README.md). The findings and closures stay the record;
-- the copy is kept by triggers, in the same transaction, whoever writes. The closure's
-- columns are NULL until the case is first closed. The findings' form, one after another as
-- "<finding> <bytes>:<category>", is described in src/storage/sql/outcome_copy.hpp.
CREATE TABLE case_outcomes (
    case_id          INTEGER PRIMARY KEY REFERENCES cases (id),
    findings_round   INTEGER NOT NULL DEFAULT 0,
    findings         TEXT    NOT NULL DEFAULT '',
    sealed_text      BLOB,
    sealed_remedy    BLOB,
    reconsider_until TEXT
) STRICT;

-- Each case's findings of its latest round, joined in the order they were written (a
-- window's frame keeps it; a plain GROUP BY does not promise it); one row per case.
INSERT INTO case_outcomes (case_id, findings_round, findings)
SELECT case_id, round, text
FROM (SELECT case_id, round, row_number() OVER findings AS n,
             group_concat(finding || ' ' || length(CAST(category AS BLOB)) || ':' || category,
                          '')
                 OVER (findings ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
                 AS text
      FROM case_findings AS f
      WHERE round = (SELECT max(round) FROM case_findings AS l WHERE l.case_id = f.case_id)
      WINDOW findings AS (PARTITION BY case_id ORDER BY id))
WHERE n = 1;

-- Each case's latest closure.
INSERT INTO case_outcomes (case_id, sealed_text, sealed_remedy, reconsider_until)
SELECT case_id, sealed_text, sealed_remedy, reconsider_until FROM case_closures AS k
WHERE id = (SELECT max(id) FROM case_closures AS l WHERE l.case_id = k.case_id)
ON CONFLICT (case_id) DO UPDATE
SET sealed_text = excluded.sealed_text, sealed_remedy = excluded.sealed_remedy,
    reconsider_until = excluded.reconsider_until;

-- A finding of a later round starts the copy again; one of the same round is added to it.
CREATE TRIGGER case_findings_copy_to_the_outcome AFTER INSERT ON case_findings
BEGIN
    INSERT INTO case_outcomes (case_id, findings_round, findings)
    VALUES (NEW.case_id, NEW.round,
            NEW.finding || ' ' || length(CAST(NEW.category AS BLOB)) || ':' || NEW.category)
    ON CONFLICT (case_id) DO UPDATE
    SET findings = CASE WHEN excluded.findings_round > findings_round THEN excluded.findings
                        WHEN excluded.findings_round = findings_round
                            THEN findings || excluded.findings
                        ELSE findings END,
        findings_round = max(findings_round, excluded.findings_round);
END;

-- The latest closure is the one written last.
CREATE TRIGGER case_closures_copy_to_the_outcome AFTER INSERT ON case_closures
BEGIN
    INSERT INTO case_outcomes (case_id, sealed_text, sealed_remedy, reconsider_until)
    VALUES (NEW.case_id, NEW.sealed_text, NEW.sealed_remedy, NEW.reconsider_until)
    ON CONFLICT (case_id) DO UPDATE
    SET sealed_text = excluded.sealed_text, sealed_remedy = excluded.sealed_remedy,
        reconsider_until = excluded.reconsider_until;
END;
