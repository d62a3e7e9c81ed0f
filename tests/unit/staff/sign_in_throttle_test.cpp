#include "staff/sign_in_throttle.hpp"

#include <gtest/gtest.h>

namespace redress::staff {
namespace {

using namespace std::chrono_literals;
using Clock = SignInThrottle::Clock;

SignInThrottleSettings settings() {
    return {.free_failures = 2, .first_delay = 500ms, .max_delay = 2000ms, .forget_after = 60s};
}

TEST(SignInThrottle, FreeFailuresThenADoublingDelayUpToTheCeiling) {
    SignInThrottle throttle(settings());
    const auto now = Clock::now();
    std::vector<std::chrono::milliseconds> delays;
    for (int i = 0; i < 6; ++i) {
        delays.push_back(throttle.delay("ana", "192.0.2.1", now));
        throttle.failed("ana", "192.0.2.1", now);
    }
    EXPECT_EQ(delays,
              (std::vector<std::chrono::milliseconds>{0ms, 0ms, 0ms, 500ms, 1000ms, 2000ms}));
    EXPECT_EQ(throttle.delay("ana", "192.0.2.1", now), 2000ms);  // never more: no lock-out
}

TEST(SignInThrottle, CountsPerAccountAndPerAddress) {
    SignInThrottle throttle(settings());
    const auto now = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("ana", "192.0.2.1", now);
    // The same account from elsewhere, and anyone from that address, are slowed.
    EXPECT_EQ(throttle.delay("ana", "198.51.100.7", now), 1000ms);
    EXPECT_EQ(throttle.delay("ben", "192.0.2.1", now), 1000ms);
    // Another account from another address is not.
    EXPECT_EQ(throttle.delay("ben", "198.51.100.7", now), 0ms);
}

TEST(SignInThrottle, LoopbackIsSharedByEveryoneAndNotCountedAgainst) {
    SignInThrottle throttle(settings());
    const auto now = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("ana", "127.0.0.1", now);
    EXPECT_EQ(throttle.delay("ben", "127.0.0.1", now), 0ms);
    EXPECT_EQ(throttle.delay("ana", "127.0.0.1", now), 1000ms);  // the account still counts
}

TEST(SignInThrottle, FailuresAreForgotten) {
    SignInThrottle throttle(settings());
    const auto now = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("ana", "192.0.2.1", now);
    EXPECT_EQ(throttle.delay("ana", "192.0.2.1", now + 61s), 0ms);
}

TEST(SignInThrottle, MemoryIsBounded) {
    auto bounded = settings();
    bounded.max_tracked = 3;
    SignInThrottle throttle(bounded);
    const auto now = Clock::now();
    for (int i = 0; i < 4; ++i) throttle.failed("ana", "", now);
    for (const auto* name : {"b", "c", "d"}) throttle.failed(name, "", now);
    // "ana", least recently failed, was forgotten to make room.
    EXPECT_EQ(throttle.delay("ana", "", now), 0ms);
}

}  // namespace
}  // namespace redress::staff
