#include <gtest/gtest.h>

#include "storage/sqlite/recent_complaints.hpp"

namespace redress::storage::sqlite {
namespace {

domain::ComplaintRecord complaint(std::string reference) {
    domain::ComplaintRecord record;
    record.office_id = "opr";
    record.reference = std::move(reference);
    record.received_at = domain::Timestamp(std::chrono::seconds(1795780800));
    record.timeline = {{record.received_at, domain::Status::received}};
    return record;
}

TEST(RecentComplaintsTest, FindsWhatItRemembers) {
    RecentComplaints recent(10);
    recent.remember(complaint("OPR-2026-000001"));
    const auto found = recent.find("OPR-2026-000001");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->office_id, "opr");
    EXPECT_EQ(found->timeline.size(), 1u);
    EXPECT_FALSE(recent.find("OPR-2026-000002"));
}

TEST(RecentComplaintsTest, ForgetsTheOldestBeyondItsCapacity) {
    RecentComplaints recent(2);
    recent.remember(complaint("OPR-2026-000001"));
    recent.remember(complaint("OPR-2026-000002"));
    recent.remember(complaint("OPR-2026-000003"));
    EXPECT_FALSE(recent.find("OPR-2026-000001"));
    EXPECT_TRUE(recent.find("OPR-2026-000002"));
    EXPECT_TRUE(recent.find("OPR-2026-000003"));
}

TEST(RecentComplaintsTest, ANewStateReplacesTheOld) {
    RecentComplaints recent(2);
    recent.remember(complaint("OPR-2026-000001"));
    auto acknowledged = complaint("OPR-2026-000001");
    acknowledged.status = domain::Status::acknowledged;
    recent.remember(acknowledged);
    recent.remember(complaint("OPR-2026-000002"));
    const auto found = recent.find("OPR-2026-000001");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->status, domain::Status::acknowledged);
}

TEST(RecentComplaintsTest, CapacityZeroKeepsNothing) {
    RecentComplaints recent(0);
    recent.remember(complaint("OPR-2026-000001"));
    EXPECT_FALSE(recent.find("OPR-2026-000001"));
}

}  // namespace
}  // namespace redress::storage::sqlite
