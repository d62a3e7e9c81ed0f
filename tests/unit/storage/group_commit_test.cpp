// The writer runs jobs of any kind in one transaction, each in a savepoint of its own: a
// job that fails is undone alone, and the others of its batch still commit. On every
// backend: on PostgreSQL a job's writes are sent ahead (Statement::send), and a failure the
// server finds after the job returned is still that job's alone.

#include "storage/sql/group_commit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <string>

#include "store_backends.hpp"

namespace redress::testing {
namespace {

using storage::sql::GroupCommit;
using storage::sql::make_write_job;
using storage::sql::WriteContext;

constexpr std::string_view k_insert = "INSERT INTO notes (text) VALUES (?1)";

template <typename Backend>
class GroupCommitTest : public StoreTest<Backend> {
  protected:
    void SetUp() override {
        StoreTest<Backend>::SetUp();
        if (::testing::Test::IsSkipped()) return;
        auto connection = this->m_backend.writer();
        ASSERT_TRUE(connection->execute("CREATE TABLE notes (text TEXT NOT NULL UNIQUE)"));
        auto writer = GroupCommit::start(std::move(connection), 64);
        ASSERT_TRUE(writer);
        m_writer = std::move(*writer);
    }

    // A job that inserts `text` (sent, not waited for), then fails when `fail` is set.
    std::future<util::Expected<int>> insert(std::string text, bool fail) {
        auto promise = std::make_shared<std::promise<util::Expected<int>>>();
        auto future = promise->get_future();
        m_writer->submit(make_write_job<int>(
            [text = std::move(text), fail](WriteContext& context) -> util::Expected<int> {
                auto statement = context.statements.get(k_insert);
                if (!statement) return std::unexpected(statement.error());
                if (auto inserted = (*statement)->bind(1, text).send(); !inserted) {
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
        auto text = this->m_backend.inspect()->query_text(
            "SELECT group_concat(text) FROM (SELECT text FROM notes ORDER BY text) AS t");
        EXPECT_TRUE(text);
        return text ? *text : std::string();
    }

    std::unique_ptr<GroupCommit> m_writer;
};

TYPED_TEST_SUITE(GroupCommitTest, StoreBackends);

TYPED_TEST(GroupCommitTest, AFailingJobIsUndoneAloneAndTheOthersCommit) {
    std::vector<std::future<util::Expected<int>>> results;
    for (int i = 0; i < 20; ++i)
        results.push_back(this->insert("note " + std::to_string(i), i % 3 == 1));
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
    EXPECT_EQ(this->stored(), expected);
}

TYPED_TEST(GroupCommitTest, AJobThatBreaksAConstraintFailsWithoutTheOthers) {
    auto first = this->insert("same", false);
    auto second = this->insert("same", false);
    auto third = this->insert("other", false);
    EXPECT_TRUE(first.get());
    EXPECT_FALSE(second.get());
    EXPECT_TRUE(third.get());
    EXPECT_EQ(this->stored(), "other,same");
}

}  // namespace
}  // namespace redress::testing
