// The numbered schema files: built in, applied once each, in order, and recorded.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/schema.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using storage::sql::apply_migrations;
using storage::sql::Migration;
using storage::sqlite::Access;
using storage::sqlite::Connection;
using storage::sqlite::embedded_migrations;
using storage::sqlite::k_create_ledger;

class SqliteMigrationsTest : public ::testing::Test {
  protected:
    std::unique_ptr<Connection> connect() {
        auto connection = Connection::open(m_path, Access::read_write);
        if (!connection) throw std::runtime_error(connection.error().message);
        return std::move(*connection);
    }

    TempFolder m_folder;
    std::filesystem::path m_path = m_folder.path() / "redress.sqlite3";
};

TEST_F(SqliteMigrationsTest, BuiltInMigrationsStartAtOneAndIncrease) {
    const auto migrations = embedded_migrations();

    ASSERT_FALSE(migrations.empty());
    EXPECT_EQ(migrations.front().version, 1);
    EXPECT_EQ(migrations.front().name, "initial");
    EXPECT_NE(migrations.front().sql.find("CREATE TABLE complaints"), std::string_view::npos);
    for (std::size_t i = 1; i < migrations.size(); ++i) {
        EXPECT_GT(migrations[i].version, migrations[i - 1].version);
    }
}

TEST_F(SqliteMigrationsTest, OpeningAppliesEachMigrationOnceAndRecordsIt) {
    for (int opening = 0; opening < 2; ++opening) {
        auto store = storage::sqlite::open({.path = m_path});
        ASSERT_TRUE(store) << store.error().message;
    }
    auto connection = connect();

    EXPECT_EQ(connection->query_text("SELECT count(*) FROM schema_migrations").value(),
              std::to_string(embedded_migrations().size()));
    EXPECT_EQ(connection->query_text("SELECT max(version) FROM schema_migrations").value(),
              std::to_string(embedded_migrations().back().version));
    EXPECT_EQ(connection
                  ->query_text("SELECT count(*) FROM schema_migrations "
                               "WHERE applied_at GLOB '2[0-9][0-9][0-9]-*T*Z'")
                  .value(),
              std::to_string(embedded_migrations().size()));
    EXPECT_EQ(apply_migrations(*connection, k_create_ledger, embedded_migrations()).value(), 0);
}

TEST_F(SqliteMigrationsTest, PendingMigrationsApplyInOrder) {
    auto connection = connect();
    const std::vector<Migration> first{{1, "a", "CREATE TABLE a (x INTEGER);"}};
    const std::vector<Migration> both{{1, "a", "CREATE TABLE a (x INTEGER);"},
                                      {2, "b", "INSERT INTO a (x) VALUES (2);"}};

    EXPECT_EQ(apply_migrations(*connection, k_create_ledger, first).value(), 1);
    EXPECT_EQ(apply_migrations(*connection, k_create_ledger, both).value(), 1);
    EXPECT_EQ(apply_migrations(*connection, k_create_ledger, both).value(), 0);

    EXPECT_EQ(connection->query_text("SELECT group_concat(version) FROM schema_migrations").value(),
              "1,2");
    EXPECT_EQ(connection->query_text("SELECT count(*) FROM a").value(), "1");
}

TEST_F(SqliteMigrationsTest, FailingMigrationLeavesNoTraceAndStopsTheRest) {
    auto connection = connect();
    const std::vector<Migration> migrations{
        {1, "good", "CREATE TABLE good (x INTEGER);"},
        {2, "bad", "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);"},
        {3, "later", "CREATE TABLE later (x INTEGER);"}};

    auto applied = apply_migrations(*connection, k_create_ledger, migrations);

    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().message.find("migration 2"), std::string::npos);
    EXPECT_EQ(connection->query_text("SELECT group_concat(version) FROM schema_migrations").value(),
              "1");
    EXPECT_EQ(connection
                  ->query_text("SELECT count(*) FROM sqlite_schema WHERE name IN "
                               "('half', 'later')")
                  .value(),
              "0");
}

TEST_F(SqliteMigrationsTest, DatabaseFromANewerVersionIsRefused) {
    auto connection = connect();
    const std::vector<Migration> newer{{1, "a", "SELECT 1;"}, {2, "b", "SELECT 1;"}};
    ASSERT_TRUE(apply_migrations(*connection, k_create_ledger, newer));

    auto applied = apply_migrations(*connection, k_create_ledger, std::span(newer).first(1));

    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().code, util::ErrorCode::conflict);
}

TEST_F(SqliteMigrationsTest, ListOutOfOrderIsRefused) {
    auto connection = connect();
    const std::vector<Migration> shuffled{{2, "b", "SELECT 1;"}, {1, "a", "SELECT 1;"}};

    auto applied = apply_migrations(*connection, k_create_ledger, shuffled);

    ASSERT_FALSE(applied);
    EXPECT_EQ(connection->query_text("SELECT count(*) FROM sqlite_schema").value(), "0");
}

TEST_F(SqliteMigrationsTest, CasesClosedBeforeSchema25GetTheirOutcomeCopied) {
    auto connection = connect();
    ASSERT_EQ(
        apply_migrations(*connection, k_create_ledger, embedded_migrations().first(24)).value(),
        24);
    // Case 1: two rounds of findings and two closures; case 2: findings, never closed;
    // case 3: nothing yet.
    const auto written = connection->execute(
        "INSERT INTO staff (id, username, display_name, password_hash, created_at) "
        "VALUES (1, 'ivan', 'Ivan', 'x', 1780000000); "
        "INSERT INTO cases (id, office_id, opened_at, opened_by, state, changed_at) VALUES "
        "(1, 'opr', 1780000000, 1, 'closed', 1780000000), "
        "(2, 'opr', 1780000000, 1, 'findings', 1780000000), "
        "(3, 'opr', 1780000000, 1, 'open', 1780000000); "
        "INSERT INTO case_findings (case_id, round, at, staff_id, category, finding) VALUES "
        "(1, 1, 1780000100, 1, 'excessive-force', 'sustained'), "
        "(2, 1, 1780000100, 1, 'theft', 'unfounded'), "
        "(1, 1, 1780000100, 1, 'bribery-corruption', 'unfounded'), "
        "(1, 2, 1780000300, 1, 'excessive-force', 'not_sustained'), "
        "(1, 2, 1780000300, 1, 'bribery-corruption', 'exonerated'); "
        "INSERT INTO case_closures (case_id, at, staff_id, sealed_text, sealed_remedy, "
        "reconsider_until) VALUES (1, 1780000200, 1, x'01', x'02', '2026-07-01'), "
        "(1, 1780000400, 1, x'03', x'', '2026-08-01');");
    ASSERT_TRUE(written) << written.error().message;

    ASSERT_EQ(apply_migrations(*connection, k_create_ledger, embedded_migrations()).value(),
              static_cast<int>(embedded_migrations().size()) - 24);
    const auto outcome = [&](std::string_view column, int case_id) {
        return connection
            ->query_text(
                fmt::format("SELECT coalesce({}, 'NULL') FROM case_outcomes WHERE case_id = {}",
                            column, case_id))
            .value();
    };
    // The latest round's findings in the order written, and the latest closure.
    EXPECT_EQ(outcome("findings", 1),
              "not_sustained 15:excessive-forceexonerated 18:bribery-corruption");
    EXPECT_EQ(outcome("findings_round", 1), "2");
    EXPECT_EQ(outcome("hex(sealed_text)", 1), "03");
    EXPECT_EQ(outcome("hex(sealed_remedy)", 1), "");
    EXPECT_EQ(outcome("reconsider_until", 1), "2026-08-01");
    EXPECT_EQ(outcome("findings", 2), "unfounded 5:theft");
    EXPECT_EQ(outcome("sealed_text", 2), "NULL");
    EXPECT_EQ(connection->query_text("SELECT count(*) FROM case_outcomes").value(), "2");

    // From now on the triggers keep it: a third round starts the findings again.
    ASSERT_TRUE(connection->execute(
        "INSERT INTO case_findings (case_id, round, at, staff_id, category, finding) VALUES "
        "(1, 3, 1780000500, 1, 'excessive-force', 'sustained'); "
        "INSERT INTO case_findings (case_id, round, at, staff_id, category, finding) VALUES "
        "(3, 1, 1780000500, 1, 'theft', 'no_finding');"));
    EXPECT_EQ(outcome("findings", 1), "sustained 15:excessive-force");
    EXPECT_EQ(outcome("hex(sealed_text)", 1), "03");
    EXPECT_EQ(outcome("findings", 3), "no_finding 5:theft");
}

TEST_F(SqliteMigrationsTest, ADatabaseOfSchemaOneUpgradesWithItsData) {
    {
        auto connection = connect();
        ASSERT_EQ(
            apply_migrations(*connection, k_create_ledger, embedded_migrations().first(1)).value(),
            1);
        // A complaint as redress stored it with schema 1: its account in the clear.
        const auto written = connection->execute(
            "INSERT INTO filings (id, channel, language, received_at, receipt_hash, "
            "confidentiality, whistleblower, on_behalf, sealed_people, witness_count, "
            "incident_date, incident_date_precision, incident_time, incident_when, place, city, "
            "region, narrative, injuries) VALUES (1, 'web', 'en', 1780000000, zeroblob(32), "
            "'anonymous', 0, 0, x'', 0, '2026-05-01', 'exact', '', '', 'Gate 3', '', '', "
            "'Pushed', ''); "
            "INSERT INTO complaints (id, filing_id, office_id, prefix, year, sequence, reference) "
            "VALUES (1, 1, 'opr', 'OPR', 2026, 1, 'OPR-2026-000001'); "
            "INSERT INTO status_events (complaint_id, at, status, actor) "
            "VALUES (1, 1780000000, 'received', 'intake'); "
            "INSERT INTO status_events (complaint_id, at, status, actor, note) "
            "VALUES (1, 1780000100, 'acknowledged', 'staff:dana', 'Read: «yes» 2:x'); "
            "INSERT INTO office_sequences (prefix, year, last) VALUES ('OPR', 2026, 1);");
        ASSERT_TRUE(written) << written.error().message;
    }
    auto store = storage::sqlite::open({.path = m_path});
    ASSERT_TRUE(store) << store.error().message;

    // The complaint is still there, numbering goes on, and its account awaits sealing.
    std::promise<util::Expected<std::optional<domain::ComplaintRecord>>> answered;
    (*store)->find_complaint("OPR-2026-000001",
                             [&answered](auto found) { answered.set_value(std::move(found)); });
    const auto found = answered.get_future().get();
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->status, domain::Status::acknowledged);
    // What a look-up compares and shows came along to the complaint's state row (0023),
    // the timeline with it (0024).
    ASSERT_EQ((*found)->timeline.size(), 2u);
    EXPECT_EQ((*found)->timeline[0].status, domain::Status::received);
    EXPECT_EQ((*found)->timeline[1].at, domain::Timestamp(std::chrono::seconds(1780000100)));
    EXPECT_EQ((*found)->timeline[1].note, "Read: «yes» 2:x");
    EXPECT_EQ((*found)->confidentiality, "anonymous");
    EXPECT_EQ((*found)->receipt_hash, decltype((*found)->receipt_hash){});
    const auto clear = (*store)->unsealed_accounts(10);
    ASSERT_TRUE(clear);
    ASSERT_EQ(clear->size(), 1u);
    EXPECT_EQ(clear->front().incident.narrative, "Pushed");
    EXPECT_FALSE((*store)->key_check().value().has_value());
    EXPECT_TRUE((*store)->holds_filings().value());
    // It waits in its office's triage queue, like a complaint filed today.
    std::promise<util::Expected<domain::QueuePage>> listed;
    domain::QueueQuery query;
    query.office_id = "opr";
    (*store)->queue(query, [&listed](auto page) { listed.set_value(std::move(page)); });
    const auto page = listed.get_future().get();
    ASSERT_TRUE(page);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].reference, "OPR-2026-000001");
    EXPECT_EQ(page->items[0].priority, domain::Priority::normal);
}

}  // namespace
}  // namespace redress::testing
