// The queries of possible duplicates and of overdue complaints take their indexes whatever the
// database holds: a new database has no statistics (redress never runs ANALYZE), and a plan
// that walked all of an office's complaints would read a million rows for one page.

#include <gtest/gtest.h>

#include <string>

#include "storage/sql/deadline_records.hpp"
#include "storage/sql/duplicate_records.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/schema.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using storage::sqlite::Access;
using storage::sqlite::Connection;

// The plan's lines, one detail a line.
std::string plan_of(Connection& connection, std::string_view query) {
    auto prepared = connection.prepare("EXPLAIN QUERY PLAN " + std::string(query));
    EXPECT_TRUE(prepared) << (prepared ? "" : prepared.error().message);
    if (!prepared) return {};
    auto& explain = *prepared;
    std::string plan;
    util::Expected<bool> row;
    while ((row = explain->step()) && *row) plan += std::string(explain->column_text(3)) + '\n';
    return plan;
}

class SqliteDuplicatesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = Connection::open(m_folder.path() / "db.sqlite3", Access::read_write);
        ASSERT_TRUE(opened);
        m_connection = std::move(*opened);
        ASSERT_TRUE(storage::sql::apply_migrations(*m_connection, storage::sqlite::k_create_ledger,
                                                   storage::sqlite::embedded_migrations()));
    }

    TempFolder m_folder;
    std::unique_ptr<Connection> m_connection;
};

TEST_F(SqliteDuplicatesTest, TheSameIncidentIsFoundFromTheIncidentMarks) {
    const auto plan = plan_of(*m_connection, storage::sql::same_incident_query());
    EXPECT_NE(plan.find("SEARCH m USING PRIMARY KEY (office_id=? AND category=? AND "
                        "incident_date=?)"),
              std::string::npos)
        << plan;
    // Only the complaints picked are joined to their rows, each by its key.
    for (const auto* table : {"c", "s", "f"}) {
        EXPECT_NE(plan.find(std::string("SEARCH ") + table + " USING INTEGER PRIMARY KEY"),
                  std::string::npos)
            << table << "\n"
            << plan;
    }
    for (const auto* table : {"SCAN m", "SCAN c", "SCAN s", "SCAN f", "complaint_states_queue"}) {
        EXPECT_EQ(plan.find(table), std::string::npos) << table << "\n" << plan;
    }
}

TEST_F(SqliteDuplicatesTest, TheSameFilingIsFoundFromTheFilingsIndex) {
    const auto plan = plan_of(*m_connection, storage::sql::same_filing_query());
    EXPECT_NE(plan.find("SEARCH c USING INDEX complaints_by_filing"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << plan;
}

TEST_F(SqliteDuplicatesTest, OverdueComplaintsAreOneRangeOfTheDeadlineIndexInItsOrder) {
    const auto same = plan_of(*m_connection, storage::sql::same_deadline_query());
    EXPECT_NE(same.find("complaint_states_due (office_id=? AND due_at=? AND complaint_id>?)"),
              std::string::npos)
        << same;
    const auto later = plan_of(*m_connection, storage::sql::later_deadlines_query());
    EXPECT_NE(later.find("complaint_states_due (office_id=? AND due_at>? AND due_at<?)"),
              std::string::npos)
        << later;
    for (const auto& plan : {same, later}) {
        EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
        EXPECT_EQ(plan.find("SCAN"), std::string::npos) << plan;
    }
}

}  // namespace
}  // namespace redress::testing
