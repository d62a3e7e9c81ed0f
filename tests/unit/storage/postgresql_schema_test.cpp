// The PostgreSQL schema (migrations/postgresql/0001_schema.sql) applied to a fresh database of
// the server REDRESS_TEST_POSTGRESQL names: its triggers refuse what SQLite's refuse, with a
// constraint's SQLSTATE, and group_concat reads as SQLite's does; and the later migrations'
// copies made and kept as SQLite's are (the case's outcome, 0008). Skipped without a server.

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support/postgresql.hpp"
#include "support/skip.hpp"

namespace redress::testing {
namespace {

struct ConnectionCloser {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ResultClearer {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;

// What a statement gave: its rows as text (NULL as nullopt), or its SQLSTATE and message.
struct Outcome {
    std::string sqlstate;
    std::string message;
    std::vector<std::vector<std::optional<std::string>>> rows;
    bool ok() const { return sqlstate.empty(); }
};

std::string read_migration(const std::string& name) {
    std::ifstream file(REDRESS_SOURCE_DIR "/migrations/postgresql/" + name);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string read_schema() {
    return read_migration("0001_schema.sql");
}

class PostgresqlSchemaTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!PostgresqlDatabase::available()) {
            REDRESS_SKIP() << PostgresqlDatabase::k_variable
                           << " is not set (scripts/postgresql-cluster start DIR)";
        }
        m_database.emplace();
        m_connection.reset(PQconnectdb(m_database->url().c_str()));
        ASSERT_EQ(PQstatus(m_connection.get()), CONNECTION_OK)
            << PQerrorMessage(m_connection.get());
        const auto schema = read_schema();
        ASSERT_FALSE(schema.empty());
        // As the migration runner applies it: once, in one transaction.
        ASSERT_TRUE(run("BEGIN").ok());
        const auto applied = run(schema);
        ASSERT_TRUE(applied.ok()) << applied.message;
        ASSERT_TRUE(run("COMMIT").ok());
    }

    void TearDown() override {
        m_connection.reset();
        m_database.reset();
    }

    // Runs `sql` with text parameters, as the record code's `?N` become `$N`.
    Outcome run(const std::string& sql, const std::vector<std::string>& parameters = {}) {
        std::vector<const char*> values;
        for (const auto& parameter : parameters) values.push_back(parameter.c_str());
        const Result result{parameters.empty()
                                ? PQexec(m_connection.get(), sql.c_str())
                                : PQexecParams(m_connection.get(), sql.c_str(),
                                               static_cast<int>(values.size()), nullptr,
                                               values.data(), nullptr, nullptr, 0)};
        Outcome outcome;
        const auto status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const char* sqlstate = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
            outcome.sqlstate = sqlstate != nullptr ? sqlstate : "?????";
            outcome.message = PQresultErrorMessage(result.get());
            return outcome;
        }
        for (int row = 0; row < PQntuples(result.get()); ++row) {
            auto& values_of_row = outcome.rows.emplace_back();
            for (int column = 0; column < PQnfields(result.get()); ++column) {
                if (PQgetisnull(result.get(), row, column) != 0) {
                    values_of_row.emplace_back(std::nullopt);
                } else {
                    values_of_row.emplace_back(PQgetvalue(result.get(), row, column));
                }
            }
        }
        return outcome;
    }

    // The one value `sql` reads ("NULL" for NULL).
    std::string value(const std::string& sql, const std::vector<std::string>& parameters = {}) {
        const auto outcome = run(sql, parameters);
        EXPECT_TRUE(outcome.ok()) << outcome.message;
        if (outcome.rows.size() != 1 || outcome.rows[0].size() != 1) return "<not one value>";
        return outcome.rows[0][0].value_or("NULL");
    }

    // A filing with one complaint (office opr), as the filing writer stores them (ids drawn
    // from the highest); its complaint's id.
    std::string file_complaint(const std::string& reference) {
        const auto filing =
            value(R"sql(
INSERT INTO filings (id, channel, language, received_at, receipt_hash, confidentiality,
                     whistleblower, on_behalf, sealed_people, witness_count, incident_date,
                     incident_date_precision, sealed_account, subject_count, incident_time,
                     incident_when, place, city, region, narrative, injuries, subject_marks)
VALUES ((SELECT coalesce(max(id), 0) + 1 FROM filings), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
        $11, $12, $13, '', '', '', '', '', '', '', $14)
RETURNING id
)sql",
                  {"web", "en", "1700000000", "\\x" + std::string(64, 'a'), "open", "0", "0",
                   "\\x01", "0", "2024-01-02", "day", "\\x02", "1", "\\x"});
        const auto complaint = value(R"sql(
INSERT INTO complaints (id, filing_id, office_id, prefix, year, sequence, reference)
VALUES ((SELECT coalesce(max(id), 0) + 1 FROM complaints), $1, $2, $3, $4,
        (SELECT count(*) + 1 FROM complaints), $5) RETURNING id
)sql",
                                     {filing, "opr", "OPR", "2024", reference});
        EXPECT_TRUE(run("INSERT INTO status_events (complaint_id, at, status, actor) "
                        "VALUES ($1, $2, $3, $4)",
                        {complaint, "1700000000", "received", "intake"})
                        .ok());
        return complaint;
    }

    std::string add_staff(const std::string& username) {
        return value(R"sql(
INSERT INTO staff (username, display_name, password_hash, totp_secret, totp_last_step, created_at,
                   password_set_up_until)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
)sql",
                     {username, username, "hash", "\\x", "0", "1", "1"});
    }

    std::optional<PostgresqlDatabase> m_database;
    std::unique_ptr<PGconn, ConnectionCloser> m_connection;
};

TEST_F(PostgresqlSchemaTest, AComplaintIsNeverChanged) {
    const auto complaint = file_complaint("OPR-2024-1");

    const auto changed =
        run("UPDATE complaints SET office_id = $2 WHERE id = $1", {complaint, "oig"});

    // A broken constraint's class, which redress reports as a conflict, as on SQLite.
    EXPECT_EQ(changed.sqlstate, "23514") << changed.message;
    EXPECT_NE(changed.message.find("complaints are never changed"), std::string::npos)
        << changed.message;
    EXPECT_EQ(value("SELECT office_id FROM complaints WHERE id = $1", {complaint}), "opr");
}

TEST_F(PostgresqlSchemaTest, FilingsAndComplaintsTakeTheirIdsFromTheWriterOnly) {
    const auto complaint = file_complaint("OPR-2024-000001");
    EXPECT_EQ(complaint, "1");
    // No sequence of their own gives out an id the writer has given already.
    const auto refused = run(R"sql(
INSERT INTO complaints (filing_id, office_id, prefix, year, sequence, reference)
VALUES (1, 'opr', 'OPR', 2024, 2, 'OPR-2024-000002')
)sql");
    EXPECT_FALSE(refused.ok());
    EXPECT_EQ(file_complaint("OPR-2024-000003"), "2");
}

TEST_F(PostgresqlSchemaTest, StatusEventsAreNeverRemoved) {
    const auto complaint = file_complaint("OPR-2024-1");

    EXPECT_EQ(run("DELETE FROM status_events WHERE complaint_id = $1", {complaint}).sqlstate,
              "23514");
    EXPECT_EQ(run("TRUNCATE status_events").sqlstate, "23514");
    EXPECT_EQ(value("SELECT count(*) FROM status_events"), "1");
}

TEST_F(PostgresqlSchemaTest, AReferralIsAnsweredOnce) {
    const auto complaint = file_complaint("OPR-2024-1");
    const auto staff = add_staff("dana");
    const auto referral = value(R"sql(
INSERT INTO referrals (complaint_id, from_office, to_office, at, staff_id, state,
                       external_reference)
VALUES ($1, $2, $3, $4, $5, 'sent', $6) RETURNING id
)sql",
                                {complaint, "opr", "ia", "5", staff, ""});
    const std::string answer = R"sql(
UPDATE referrals SET state = $2, answered_at = $3, answer_reason = $4, answered_by = $5
WHERE id = $1
)sql";

    EXPECT_TRUE(run(answer, {referral, "accepted", "6", "ours", staff}).ok());
    EXPECT_EQ(run(answer, {referral, "declined", "7", "not ours", staff}).sqlstate, "23514");
    EXPECT_EQ(value("SELECT state FROM referrals WHERE id = $1", {referral}), "accepted");
}

TEST_F(PostgresqlSchemaTest, GroupConcatJoinsTheStaffExcluded) {
    const auto excluded = file_complaint("OPR-2024-1");
    const auto open = file_complaint("OPR-2024-2");
    const auto dana = add_staff("dana");
    const auto eve = add_staff("eve");
    for (const auto& member : {eve, dana}) {
        ASSERT_TRUE(run(R"sql(
INSERT INTO complaint_exclusions (complaint_id, staff_id, reason, at, by_staff_id)
VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
)sql",
                        {excluded, member, "named", "1", dana})
                        .ok());
    }
    // As duplicate_records reads it.
    const std::string excluded_staff = R"sql(
SELECT coalesce((SELECT group_concat(x.staff_id) FROM complaint_exclusions AS x
                 WHERE x.complaint_id = c.id), '')
FROM complaints AS c WHERE c.id = $1
)sql";

    // In no particular order, as SQLite's.
    const auto joined = value(excluded_staff, {excluded});
    EXPECT_TRUE(joined == dana + "," + eve || joined == eve + "," + dana) << joined;
    EXPECT_EQ(value(excluded_staff, {open}), "");
    // Text, leaving NULLs out; no value at all is NULL.
    EXPECT_EQ(value("SELECT group_concat(v ORDER BY v) FROM (VALUES ('b'), (NULL), ('a')) AS t(v)"),
              "a,b");
    EXPECT_EQ(value("SELECT group_concat(v) FROM (VALUES (NULL::text)) AS t(v)"), "NULL");
}

TEST_F(PostgresqlSchemaTest, AStatusEventMovesTheClocksAndQueuesANotice) {
    const auto complaint = file_complaint("OPR-2024-1");
    ASSERT_TRUE(run(R"sql(
INSERT INTO complaint_states (complaint_id, office_id, queue, status, channel, received_at,
                              changed_at)
VALUES ($1, $2, 'triage', 'received', $3, $4, $4)
)sql",
                    {complaint, "opr", "web", "1700000000"})
                    .ok());
    ASSERT_TRUE(run("INSERT INTO mail_contacts (complaint_id, sealed_address, language, "
                    "status_notices) VALUES ($1, $2, $3, $4)",
                    {complaint, "\\x05", "en", "1"})
                    .ok());
    ASSERT_TRUE(run("UPDATE complaint_states SET clocks_moved = 0").ok());

    ASSERT_TRUE(run("INSERT INTO status_events (complaint_id, at, status, actor) "
                    "VALUES ($1, $2, $3, $4)",
                    {complaint, "1700000100", "acknowledged", "dana"})
                    .ok());

    EXPECT_EQ(
        value("SELECT clocks_moved FROM complaint_states WHERE complaint_id = $1", {complaint}),
        "1");
    EXPECT_EQ(value("SELECT count(*) FROM outbound_mail WHERE complaint_id = $1 "
                    "AND kind = 'status_changed'",
                    {complaint}),
              "1");
}

TEST_F(PostgresqlSchemaTest, TheCaseOutcomeCopyIsMadeAndThenKeptByTheTriggers) {
    // The migrations after the schema, as the runner applies them, to the one before the copy.
    for (const char* name :
         {"0002_background_leases.sql", "0003_incident_marks_with_the_filing.sql",
          "0004_ids_drawn_by_the_writer.sql", "0005_fewer_index_writes.sql",
          "0006_status_look_up_reads_no_filing.sql", "0007_status_look_up_reads_one_row.sql"}) {
        const auto applied = run(read_migration(name));
        ASSERT_TRUE(applied.ok()) << name << ": " << applied.message;
    }
    const auto staff = add_staff("ivan");
    // Case 1: two rounds of findings and two closures; case 2: findings, never closed.
    ASSERT_TRUE(run("INSERT INTO cases (id, office_id, opened_at, opened_by, state, changed_at) "
                    "VALUES (1, 'opr', 1, $1, 'closed', 1), (2, 'opr', 1, $1, 'findings', 1)",
                    {staff})
                    .ok());
    const auto find = [&](const char* case_id, const char* round, const char* category,
                          const char* finding) {
        const auto found =
            run("INSERT INTO case_findings (case_id, round, at, staff_id, category, finding) "
                "VALUES ($1, $2, 1, $3, $4, $5)",
                {case_id, round, staff, category, finding});
        EXPECT_TRUE(found.ok()) << found.message;
    };
    const auto close = [&](const char* text, const char* until) {
        const auto closed =
            run("INSERT INTO case_closures (case_id, at, staff_id, sealed_text, sealed_remedy, "
                "reconsider_until) VALUES (1, 1, $1, $2, '\\x', $3)",
                {staff, text, until});
        EXPECT_TRUE(closed.ok()) << closed.message;
    };
    find("1", "1", "excessive-force", "sustained");
    find("2", "1", "theft", "unfounded");
    find("1", "1", "bribery-corruption", "unfounded");
    close("\\x01", "2026-07-01");
    find("1", "2", "excessive-force", "not_sustained");
    find("1", "2", "bribery-corruption", "exonerated");
    close("\\x03", "2026-08-01");

    const auto applied = run(read_migration("0008_status_look_up_reads_one_outcome_row.sql"));
    ASSERT_TRUE(applied.ok()) << applied.message;
    const auto outcome = [&](const std::string& column, const char* case_id) {
        return value(
            "SELECT coalesce(" + column + ", 'NULL') FROM case_outcomes WHERE case_id = $1",
            {case_id});
    };
    // The latest round's findings in the order written, and the latest closure.
    EXPECT_EQ(outcome("findings", "1"),
              "not_sustained 15:excessive-forceexonerated 18:bribery-corruption");
    EXPECT_EQ(outcome("encode(sealed_text, 'hex')", "1"), "03");
    EXPECT_EQ(outcome("reconsider_until", "1"), "2026-08-01");
    EXPECT_EQ(outcome("findings", "2"), "unfounded 5:theft");
    EXPECT_EQ(outcome("encode(sealed_text, 'hex')", "2"), "NULL");

    // From now on the triggers keep it, as SQLite's do: a later round starts the findings
    // again, one of the same round is added, a closure replaces the one before.
    find("1", "3", "excessive-force", "sustained");
    find("1", "3", "misuse-of-position", "no_finding");
    close("\\x05", "2026-09-01");
    find("2", "1", "bribery-corruption", "policy_failure");
    EXPECT_EQ(outcome("findings", "1"),
              "sustained 15:excessive-forceno_finding 18:misuse-of-position");
    EXPECT_EQ(outcome("encode(sealed_text, 'hex')", "1"), "05");
    EXPECT_EQ(outcome("reconsider_until", "1"), "2026-09-01");
    EXPECT_EQ(outcome("findings", "2"), "unfounded 5:theftpolicy_failure 18:bribery-corruption");
}

}  // namespace
}  // namespace redress::testing
