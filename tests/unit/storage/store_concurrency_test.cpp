// Many callers at once: group commits give every filing its own reference, and closing the
// store commits what was queued.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "sample_filing.hpp"
#include "store_backends.hpp"

namespace redress::testing {
namespace {

template <typename Backend>
using StoreConcurrencyTest = StoreTest<Backend>;
TYPED_TEST_SUITE(StoreConcurrencyTest, StoreBackends);

TYPED_TEST(StoreConcurrencyTest, ConcurrentFilingsGetDistinctReferencesAndAreAllFound) {
    constexpr int k_threads = 8;
    constexpr int k_per_thread = 40;
    auto store = this->open_store(/*max_batch=*/16);
    std::mutex mutex;
    std::vector<std::string> references;
    std::atomic<int> failures = 0;

    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < k_per_thread; ++i) {
                auto filed = record_and_wait(*store, sample_filing({t % 2 == 0 ? opr() : oig()}));
                if (!filed) {
                    ++failures;
                    continue;
                }
                std::lock_guard lock(mutex);
                references.push_back(filed->front().reference);
            }
        });
    }
    for (auto& thread : threads) thread.join();

    EXPECT_EQ(failures, 0);
    const std::set<std::string> distinct(references.begin(), references.end());
    EXPECT_EQ(distinct.size(), std::size_t{k_threads * k_per_thread});
    // No gaps: each office's numbers run from 1 to its count.
    constexpr int k_each = k_threads * k_per_thread / 2;
    for (const char* prefix : {"OPR", "OIG"}) {
        EXPECT_TRUE(distinct.contains(fmt::format("{}-2026-{:06}", prefix, 1)));
        EXPECT_TRUE(distinct.contains(fmt::format("{}-2026-{:06}", prefix, k_each)));
    }
    for (const auto& reference : distinct) {
        auto found = find_and_wait(*store, reference);
        ASSERT_TRUE(found && found->has_value()) << reference;
    }
}

TYPED_TEST(StoreConcurrencyTest, LookUpsRunWhileFilingsAreWritten) {
    auto store = this->open_store();
    ASSERT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000001");
    std::atomic<bool> writing = true;
    std::atomic<int> misses = 0;

    std::thread reader([&] {
        while (writing) {
            auto found = find_and_wait(*store, "OPR-2026-000001");
            if (!found || !found->has_value()) ++misses;
        }
    });
    for (int i = 0; i < 50; ++i) ASSERT_NE(record_one(*store, sample_filing({opr()})), "");
    writing = false;
    reader.join();

    EXPECT_EQ(misses, 0);
}

// Readers take several queued look-ups at once and read them in one snapshot: a look-up
// queued after a filing was acknowledged must still find it, however busy the readers are.
TYPED_TEST(StoreConcurrencyTest, ALookUpQueuedAfterAFilingFindsItAmongBatchedReads) {
    auto store = this->open_store();
    ASSERT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000001");
    std::atomic<bool> asking = true;
    std::vector<std::jthread> busy;
    for (int t = 0; t < 4; ++t) {
        busy.emplace_back([&] {
            while (asking) (void)find_and_wait(*store, "OPR-2026-000001");
        });
    }
    int missed = 0;
    for (int i = 2; i <= 60; ++i) {
        const auto reference = record_one(*store, sample_filing({opr()}));
        ASSERT_EQ(reference, fmt::format("OPR-2026-{:06}", i));
        auto found = find_and_wait(*store, reference);
        if (!found || !found->has_value()) ++missed;
    }
    asking = false;
    busy.clear();

    EXPECT_EQ(missed, 0);
}

TYPED_TEST(StoreConcurrencyTest, ClosingCommitsEverythingQueuedFirst) {
    constexpr int k_filings = 200;
    std::atomic<int> succeeded = 0;
    std::atomic<int> called = 0;
    {
        auto store = this->open_store(/*max_batch=*/7);
        for (int i = 0; i < k_filings; ++i) {
            store->record(sample_filing({opr()}), [&](auto filed) {
                ++called;
                if (filed) ++succeeded;
            });
        }
    }  // destroyed with filings still queued

    EXPECT_EQ(called, k_filings);
    EXPECT_EQ(succeeded, k_filings);
    auto store = this->open_store();
    auto last = find_and_wait(*store, fmt::format("OPR-2026-{:06}", k_filings));
    ASSERT_TRUE(last);
    EXPECT_TRUE(last->has_value());
}

TYPED_TEST(StoreConcurrencyTest, LookUpsQueuedInBurstsFromManyThreadsAreAllAnswered) {
    auto store = this->open_store();
    ASSERT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000001");
    constexpr int k_threads = 8;
    constexpr int k_each = 500;
    std::atomic<int> found{0};
    std::atomic<int> answered{0};
    std::promise<void> all_answered;
    {
        std::vector<std::jthread> askers;
        for (int t = 0; t < k_threads; ++t) {
            askers.emplace_back([&, t] {
                for (int i = 0; i < k_each; ++i) {
                    const bool known = (i + t) % 2 == 0;
                    store->find_complaint(known ? "OPR-2026-000001" : "OPR-2026-000002",
                                          [&, known](auto result) {
                                              if (result && result->has_value() == known) ++found;
                                              if (++answered == k_threads * k_each) {
                                                  all_answered.set_value();
                                              }
                                          });
                }
            });
        }
    }
    // A wake lost between a burst and a reader going to sleep would hang here.
    ASSERT_EQ(all_answered.get_future().wait_for(std::chrono::seconds(30)),
              std::future_status::ready);
    EXPECT_EQ(found.load(), k_threads * k_each);
}

}  // namespace
}  // namespace redress::testing
