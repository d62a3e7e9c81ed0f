#include "util/work_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace redress::util {
namespace {

TEST(WorkPool, BeyondTheQueueJobsAreRefusedAndNeverRun) {
    std::promise<void> release;
    auto released = release.get_future().share();
    std::atomic<int> ran{0};
    {
        WorkPool checks("test", 1, 2);
        std::promise<void> started;
        // Holds the only thread until released.
        ASSERT_TRUE(checks.try_submit([&] {
            started.set_value();
            released.wait();
            ++ran;
        }));
        started.get_future().wait();
        EXPECT_TRUE(checks.try_submit([&] { ++ran; }));
        EXPECT_TRUE(checks.try_submit([&] { ++ran; }));
        EXPECT_FALSE(checks.try_submit([&] { ran += 100; }));  // the queue is full: busy
        release.set_value();
    }  // runs what was queued, then joins
    EXPECT_EQ(ran.load(), 3);
}

}  // namespace
}  // namespace redress::util
