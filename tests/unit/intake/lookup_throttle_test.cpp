#include "intake/lookup_throttle.hpp"

#include <gtest/gtest.h>

namespace redress::intake {
namespace {

using namespace std::chrono_literals;
using Clock = LookupThrottle::Clock;

ThrottleSettings small() {
    ThrottleSettings settings;
    settings.free_failures = 2;
    settings.first_delay = 100ms;
    settings.max_delay = 1000ms;
    settings.forget_after = 60s;
    settings.lookups_per_second = 0;
    settings.max_tracked = 3;
    return settings;
}

TEST(LookupThrottleTest, DelaysGrowPastTheFreeFailuresUpToTheCeiling) {
    LookupThrottle throttle(small());
    const auto now = Clock::now();
    std::vector<long> delays;
    for (int failures = 0; failures < 8; ++failures) {
        delays.push_back(throttle.admit("OPR-2026-000001", "a", now).delay.count());
        throttle.failed("OPR-2026-000001", "a", now);
    }
    EXPECT_EQ(delays, (std::vector<long>{0, 0, 0, 100, 200, 400, 800, 1000}));
}

TEST(LookupThrottleTest, FailuresCountPerReferenceAndPerAddress) {
    LookupThrottle throttle(small());
    const auto now = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("OPR-2026-000001", "attacker", now);
    EXPECT_GT(throttle.admit("OPR-2026-000001", "complainant", now).delay.count(), 0);
    EXPECT_GT(throttle.admit("OPR-2026-000002", "attacker", now).delay.count(), 0);
    EXPECT_EQ(throttle.admit("OPR-2026-000002", "complainant", now).delay.count(), 0);
}

TEST(LookupThrottleTest, PerAddressCanBeTurnedOff) {
    auto settings = small();
    settings.per_address = false;
    LookupThrottle throttle(settings);
    const auto now = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("OPR-2026-000001", "onion", now);
    EXPECT_EQ(throttle.admit("OPR-2026-000002", "onion", now).delay.count(), 0);
}

TEST(LookupThrottleTest, AnAddressEveryoneSharesIsNotCountedAgainst) {
    LookupThrottle throttle(small());
    const auto now = Clock::now();
    for (const char* shared : {"127.0.0.1", "::1", ""}) {
        for (int i = 0; i < 4; ++i) throttle.failed("OPR-2026-000001", shared, now);
        EXPECT_EQ(throttle.admit("OPR-2026-000002", shared, now).delay.count(), 0) << shared;
    }
    // The reference itself is still slowed.
    EXPECT_GT(throttle.admit("OPR-2026-000001", "127.0.0.1", now).delay.count(), 0);
}

TEST(LookupThrottleTest, FailuresAreForgottenAfterAWhile) {
    LookupThrottle throttle(small());
    const auto then = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("OPR-2026-000001", "a", then);
    EXPECT_EQ(throttle.admit("OPR-2026-000001", "b", then + 61s).delay.count(), 0);
}

TEST(LookupThrottleTest, TablesStayWithinTheirBound) {
    LookupThrottle throttle(small());  // three entries per table
    const auto now = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("OPR-2026-000001", "a", now);
    // Many other references push the first one out: memory stays bounded.
    for (int i = 2; i < 10; ++i) {
        throttle.failed("OPR-2026-00000" + std::to_string(i), "x" + std::to_string(i), now);
    }
    EXPECT_EQ(throttle.admit("OPR-2026-000001", "c", now).delay.count(), 0);
}

TEST(LookupThrottleTest, TheBudgetIsSpentByFailuresOnly) {
    auto settings = small();
    settings.lookups_per_second = 10;
    LookupThrottle throttle(settings);
    const auto now = Clock::now();
    // Look-ups that find their complaint spend nothing: never busy.
    for (int i = 0; i < 50; ++i) EXPECT_FALSE(throttle.admit("r", "a", now).busy);
    // Failures spend it; past it, every look-up is busy.
    for (int i = 0; i < 10; ++i) {
        EXPECT_FALSE(throttle.admit("x" + std::to_string(i), "a", now).busy);
        throttle.failed("x" + std::to_string(i), "a", now);
    }
    EXPECT_TRUE(throttle.admit("r", "a", now).busy);
    // The budget refills with time.
    EXPECT_FALSE(throttle.admit("r", "a", now + 1s).busy);
}

}  // namespace
}  // namespace redress::intake
