// A filing is acknowledged only once it is committed, and a failed write acknowledges
// nothing and leaves nothing behind.

#include <gtest/gtest.h>

#include <atomic>

#include "sample_filing.hpp"
#include "store_backends.hpp"

namespace redress::testing {
namespace {

template <typename Backend>
using StoreDurabilityTest = StoreTest<Backend>;
TYPED_TEST_SUITE(StoreDurabilityTest, StoreBackends);

TYPED_TEST(StoreDurabilityTest, DoneRunsOnlyOnceTheComplaintIsCommitted) {
    auto store = this->open_store();
    std::promise<bool> seen;
    auto result = seen.get_future();

    store->record(sample_filing({opr()}), [&](auto filed) {
        // Checked inside the callback: by the time anyone is told, another connection
        // must already see the row.
        seen.set_value(filed && this->m_backend.visible_elsewhere(filed->front().reference));
    });

    EXPECT_TRUE(result.get());
}

TYPED_TEST(StoreDurabilityTest, FailedWriteReportsUnavailableAndStoresNothing) {
    auto store = this->open_store();
    this->m_backend.break_office();
    const domain::Destination broken{std::string(k_broken_office), "BRK"};

    // The first complaint of the filing is written before the second one fails.
    auto filed = record_and_wait(*store, sample_filing({opr(), broken}));

    ASSERT_FALSE(filed);
    EXPECT_EQ(filed.error().code, util::ErrorCode::unavailable);
    EXPECT_EQ(this->m_backend.count(Table::filings), 0);
    EXPECT_EQ(this->m_backend.count(Table::complaints), 0);
    EXPECT_EQ(this->m_backend.count(Table::status_events), 0);
    EXPECT_FALSE(find_and_wait(*store, "OPR-2026-000001").value().has_value());
}

TYPED_TEST(StoreDurabilityTest, AfterAFailureNumberingResumesWithoutAGap) {
    auto store = this->open_store();
    ASSERT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000001");
    this->m_backend.break_office();
    const domain::Destination broken{std::string(k_broken_office), "BRK"};
    ASSERT_FALSE(record_and_wait(*store, sample_filing({opr(), broken})));

    EXPECT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000002");
}

TYPED_TEST(StoreDurabilityTest, EveryFilingCommittedWithAFailingOneIsTold) {
    auto store = this->open_store();
    this->m_backend.break_office();
    const domain::Destination broken{std::string(k_broken_office), "BRK"};
    std::atomic<int> called = 0;
    std::atomic<int> failed = 0;
    {
        auto closing = std::move(store);  // destroyed below, committing the queue
        for (int i = 0; i < 20; ++i) {
            auto filing = sample_filing(i == 10 ? std::vector{broken} : std::vector{opr()});
            closing->record(std::move(filing), [&](auto filed) {
                ++called;
                if (!filed) ++failed;
            });
        }
    }

    EXPECT_EQ(called, 20);
    // Whatever was acknowledged is stored, and whatever failed is not.
    EXPECT_GE(failed, 1);
    EXPECT_EQ(this->m_backend.count(Table::complaints), 20 - failed);
}

}  // namespace
}  // namespace redress::testing
