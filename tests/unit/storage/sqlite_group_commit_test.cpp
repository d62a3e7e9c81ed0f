// The writer runs jobs of any kind in one transaction, each in a savepoint of its own: a
// job that fails is undone alone, and the others of its batch still commit.

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <string>

#include "storage/sql/group_commit.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/durability.hpp"
#include "storage/sqlite/schema.hpp"
#include "support/temp_folder.hpp"

namespace redress::storage::sqlite {
namespace {

using sql::GroupCommit;
using sql::make_write_job;
using sql::WriteContext;

constexpr std::string_view k_insert = "INSERT INTO notes (text) VALUES (?1)";

class GroupCommitTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto connection = Connection::open(m_folder.path() / "db.sqlite3", Access::read_write);
        ASSERT_TRUE(connection);
        ASSERT_TRUE(require_durability(**connection));
        // The writer prepares the filing statements, which need the schema.
        ASSERT_TRUE(sql::apply_migrations(**connection, k_create_ledger, embedded_migrations()));
        ASSERT_TRUE((*connection)->execute("CREATE TABLE notes (text TEXT NOT NULL UNIQUE)"));
        auto writer = GroupCommit::start(std::move(*connection), 64);
        ASSERT_TRUE(writer);
        m_writer = std::move(*writer);
    }

    // A job that inserts `text`, then fails when `fail` is set.
    std::future<util::Expected<int>> insert(std::string text, bool fail) {
        auto promise = std::make_shared<std::promise<util::Expected<int>>>();
        auto future = promise->get_future();
        m_writer->submit(make_write_job<int>(
            [text = std::move(text), fail](WriteContext& context) -> util::Expected<int> {
                auto statement = context.statements.get(k_insert);
                if (!statement) return std::unexpected(statement.error());
                if (auto inserted = (*statement)->bind(1, text).run(); !inserted) {
                    return std::unexpected(inserted.error());
                }
                if (fail) return util::fail(util::ErrorCode::conflict, "this job fails");
                return 1;
            },
            [promise](util::Expected<int> result) { promise->set_value(std::move(result)); }));
        return future;
    }

    std::string stored() {
        m_writer.reset();  // commits and joins
        auto connection = Connection::open(m_folder.path() / "db.sqlite3", Access::read_only);
        EXPECT_TRUE(connection);
        auto text =
            (*connection)
                ->query_text(
                    "SELECT group_concat(text, ',') FROM (SELECT text FROM notes ORDER BY text)");
        EXPECT_TRUE(text);
        return text ? *text : std::string();
    }

    redress::testing::TempFolder m_folder;
    std::unique_ptr<GroupCommit> m_writer;
};

TEST_F(GroupCommitTest, AFailingJobIsUndoneAloneAndTheOthersCommit) {
    std::vector<std::future<util::Expected<int>>> results;
    for (int i = 0; i < 20; ++i) results.push_back(insert("note " + std::to_string(i), i % 3 == 1));
    for (int i = 0; i < 20; ++i) {
        auto result = results[static_cast<std::size_t>(i)].get();
        EXPECT_EQ(result.has_value(), i % 3 != 1) << i;
        if (!result) {
            EXPECT_EQ(result.error().code, util::ErrorCode::conflict);
        }
    }
    std::string expected;
    std::vector<std::string> kept;
    for (int i = 0; i < 20; ++i) {
        if (i % 3 != 1) kept.push_back("note " + std::to_string(i));
    }
    std::sort(kept.begin(), kept.end());
    for (const auto& each : kept) expected += (expected.empty() ? "" : ",") + each;
    EXPECT_EQ(stored(), expected);
}

TEST_F(GroupCommitTest, AJobThatBreaksAConstraintFailsWithoutTheOthers) {
    auto first = insert("same", false);
    auto second = insert("same", false);
    auto third = insert("other", false);
    EXPECT_TRUE(first.get());
    EXPECT_FALSE(second.get());
    EXPECT_TRUE(third.get());
    EXPECT_EQ(stored(), "other,same");
}

}  // namespace
}  // namespace redress::storage::sqlite
