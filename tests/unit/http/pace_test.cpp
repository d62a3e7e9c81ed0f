#include "http/pace.hpp"

#include <gtest/gtest.h>

namespace redress::http {
namespace {

using namespace std::chrono_literals;
const Pace::Clock::time_point t0{};

TEST(Pace, NothingMovedMeansTheDeadlineIsOneWindowAway) {
    const Pace pace(1000, 10s, t0);
    EXPECT_EQ(pace.deadline(), t0 + 10s);
}

TEST(Pace, AtTheRateTheDeadlineKeepsItsDistance) {
    Pace pace(1000, 10s, t0);
    for (int second = 1; second <= 100; ++second)
        pace.moved(1000, t0 + std::chrono::seconds(second));
    EXPECT_EQ(pace.deadline(), t0 + 110s);
}

TEST(Pace, ATrickleReachesItsDeadlineSoon) {
    Pace pace(1000, 10s, t0);
    for (int second = 1; second <= 9; ++second) pace.moved(10, t0 + std::chrono::seconds(second));
    EXPECT_LT(pace.deadline(), t0 + 10100ms);
}

TEST(Pace, ABurstBanksNoMoreThanOneWindow) {
    Pace pace(1000, 10s, t0);
    pace.moved(1'000'000, t0 + 1s);
    EXPECT_EQ(pace.deadline(), t0 + 11s);
}

TEST(Pace, NoMinimumNeverExpires) {
    const Pace pace(0, 10s, t0);
    EXPECT_EQ(pace.deadline(), Pace::Clock::time_point::max());
}

}  // namespace
}  // namespace redress::http
