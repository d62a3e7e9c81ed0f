// A background job's lease as its thread sees it (storage/background_leases.hpp): taken when
// free, renewed once a third of it has gone by and not on every turn, asked for on every
// turn while another node holds it, lost when the database cannot be written to, and given
// up when the thread ends.

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/background_leases.hpp"

namespace redress::storage {
namespace {

using namespace std::chrono_literals;

// The leases table of one database: each lease's node and end, and every write asked of it.
class LeaseTable : public BackgroundLeases {
  public:
    struct Row {
        std::string node;
        domain::Timestamp until;
    };

    void hold_lease(std::string job, std::string node, domain::Timestamp now,
                    domain::Timestamp until, Done<bool> done) override {
        ++writes;
        if (unwritable) {
            done(util::fail(util::ErrorCode::unavailable, "the disk is full"));
            return;
        }
        auto& row = rows[job];
        if (!row || row->node == node || row->until <= now) row = Row{node, until};
        done(row->node == node);
    }

    void release_lease(std::string job, std::string node, Done<Written> done) override {
        auto& row = rows[job];
        if (row && row->node == node) row.reset();
        done(Written{});
    }

    std::map<std::string, std::optional<Row>> rows;
    int writes = 0;
    bool unwritable = false;
};

const domain::Timestamp k_start{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}};

class BackgroundLeaseTest : public ::testing::Test {
  protected:
    BackgroundLease lease(std::string node) {
        return BackgroundLease(m_table, "deadline_keeping", std::move(node), 30s,
                               [this] { return m_now; });
    }

    LeaseTable m_table;
    domain::Timestamp m_now = k_start;
};

TEST_F(BackgroundLeaseTest, AFreeLeaseIsTakenForItsWholeLength) {
    auto mine = lease("node-a");
    EXPECT_TRUE(mine.held());
    ASSERT_TRUE(m_table.rows["deadline_keeping"]);
    EXPECT_EQ(m_table.rows["deadline_keeping"]->node, "node-a");
    EXPECT_EQ(m_table.rows["deadline_keeping"]->until, k_start + 30s);
}

TEST_F(BackgroundLeaseTest, AHeldLeaseIsRenewedOnlyOnceAThirdOfItHasGoneBy) {
    auto mine = lease("node-a");
    ASSERT_TRUE(mine.held());
    // A turn every two seconds: no write until ten seconds have gone by.
    for (int turn = 1; turn < 5; ++turn) {
        m_now = k_start + turn * 2s;
        EXPECT_TRUE(mine.held());
    }
    EXPECT_EQ(m_table.writes, 1);
    m_now = k_start + 10s;
    EXPECT_TRUE(mine.held());
    EXPECT_EQ(m_table.writes, 2);
    EXPECT_EQ(m_table.rows["deadline_keeping"]->until, k_start + 40s);
}

TEST_F(BackgroundLeaseTest, ALeaseAnotherNodeHoldsIsAskedForOnEveryTurnAndTakenOnceItRunsOut) {
    auto theirs = lease("node-b");
    ASSERT_TRUE(theirs.held());
    auto mine = lease("node-a");
    for (int turn = 0; turn < 3; ++turn) {
        m_now = k_start + turn * 2s;
        EXPECT_FALSE(mine.held());
    }
    EXPECT_EQ(m_table.writes, 4);
    // node-b died: its lease runs out at 30 s, and node-a takes the work over.
    m_now = k_start + 30s;
    EXPECT_TRUE(mine.held());
    EXPECT_EQ(m_table.rows["deadline_keeping"]->node, "node-a");
}

TEST_F(BackgroundLeaseTest, ADatabaseThatCannotBeWrittenToLosesTheLeaseAtTheNextRenewal) {
    auto mine = lease("node-a");
    ASSERT_TRUE(mine.held());
    m_table.unwritable = true;
    m_now = k_start + 10s;
    EXPECT_FALSE(mine.held());
    // Not held, so asked for again at once, and taken back when the disk has room again.
    m_now = k_start + 11s;
    EXPECT_FALSE(mine.held());
    m_table.unwritable = false;
    m_now = k_start + 12s;
    EXPECT_TRUE(mine.held());
}

TEST_F(BackgroundLeaseTest, ALeaseIsGivenUpWhenItsThreadEnds) {
    {
        auto mine = lease("node-a");
        ASSERT_TRUE(mine.held());
    }
    EXPECT_FALSE(m_table.rows["deadline_keeping"]);
    auto theirs = lease("node-b");
    EXPECT_TRUE(theirs.held());
}

}  // namespace
}  // namespace redress::storage
