#include "storage/sql/state_timeline.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace redress::testing {
namespace {

using domain::Status;
using storage::sql::read_state_timeline;
using storage::sql::timeline_entry;

domain::Timestamp at(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

TEST(StateTimeline, ReadsBackEveryNoteWhole) {
    const std::string odd = "Sent to oig: 3 days.\nSee 12 received 4:note; «é» ";
    const std::string text = timeline_entry(at(1780000000), Status::received, "") +
                             timeline_entry(at(1780000100), Status::referred, odd) +
                             timeline_entry(at(1780000200), Status::closed, " ");

    const auto events = read_state_timeline(text);

    ASSERT_TRUE(events) << events.error().message;
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ((*events)[0].at, at(1780000000));
    EXPECT_EQ((*events)[0].status, Status::received);
    EXPECT_EQ((*events)[0].note, "");
    EXPECT_EQ((*events)[1].status, Status::referred);
    EXPECT_EQ((*events)[1].note, odd);
    EXPECT_EQ((*events)[2].note, " ");
}

TEST(StateTimeline, IsWrittenAsTheMigrationsAndTriggersWriteIt) {
    // "<at> <status> <bytes>:<note>": the length counts bytes, not characters.
    EXPECT_EQ(timeline_entry(at(1780000000), Status::closed, "né"), "1780000000 closed 3:né");
}

TEST(StateTimeline, OrdersByTimeKeepingTheOrderWrittenWithinASecond) {
    const std::string text = timeline_entry(at(300), Status::findings, "") +
                             timeline_entry(at(100), Status::received, "") +
                             timeline_entry(at(300), Status::closed, "");

    const auto events = read_state_timeline(text);

    ASSERT_TRUE(events);
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ((*events)[0].status, Status::received);
    EXPECT_EQ((*events)[1].status, Status::findings);
    EXPECT_EQ((*events)[2].status, Status::closed);
}

TEST(StateTimeline, EmptyIsNoEvents) {
    const auto events = read_state_timeline("");
    ASSERT_TRUE(events);
    EXPECT_TRUE(events->empty());
}

TEST(StateTimeline, RefusesWhatItDidNotWrite) {
    for (const std::string text :
         {"x", "12", "12 received", "12 received 0", "12 received 5:abc",
          "12 nosuch 0:", "received 0:", "12 received -1:", "12 received 0:x",
          "1e3 received 0:", "12  received 0:", "99999999999999999999 received 0:"}) {
        const auto events = read_state_timeline(text);
        ASSERT_FALSE(events) << text;
        EXPECT_EQ(events.error().code, util::ErrorCode::internal) << text;
    }
}

}  // namespace
}  // namespace redress::testing
