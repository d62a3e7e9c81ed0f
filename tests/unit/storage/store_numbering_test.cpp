// Reference numbers: per office prefix and per year, without gaps, across restarts.

#include <gtest/gtest.h>

#include "sample_filing.hpp"
#include "store_backends.hpp"

namespace redress::testing {
namespace {

template <typename Backend>
using StoreNumberingTest = StoreTest<Backend>;
TYPED_TEST_SUITE(StoreNumberingTest, StoreBackends);

TYPED_TEST(StoreNumberingTest, EachOfficeCountsOnItsOwn) {
    auto store = this->open_store();

    EXPECT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000001");
    EXPECT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000002");
    EXPECT_EQ(record_one(*store, sample_filing({oig()})), "OIG-2026-000001");
    EXPECT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000003");
}

TYPED_TEST(StoreNumberingTest, ANewYearStartsAgainAtOne) {
    auto store = this->open_store();

    EXPECT_EQ(record_one(*store, sample_filing({opr()}, utc(2026, 12, 31, 23, 59, 59))),
              "OPR-2026-000001");
    EXPECT_EQ(record_one(*store, sample_filing({opr()}, utc(2027, 1, 1, 0, 0, 0))),
              "OPR-2027-000001");
    EXPECT_EQ(record_one(*store, sample_filing({opr()}, utc(2027, 2, 1))), "OPR-2027-000002");
    // A late filing still dated in the old year continues the old year's numbers.
    EXPECT_EQ(record_one(*store, sample_filing({opr()}, utc(2026, 12, 30))), "OPR-2026-000002");
}

TYPED_TEST(StoreNumberingTest, NumberingContinuesAfterReopening) {
    {
        auto store = this->open_store();
        auto both = record_and_wait(*store, sample_filing({opr(), oig()}));
        ASSERT_TRUE(both && both->size() == 2u);
        EXPECT_EQ((*both)[1].reference, "OIG-2026-000001");
        EXPECT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000002");
    }
    auto store = this->open_store();

    EXPECT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000003");
    EXPECT_EQ(record_one(*store, sample_filing({oig()})), "OIG-2026-000002");
    EXPECT_TRUE(find_and_wait(*store, "OPR-2026-000001").value().has_value());
}

}  // namespace
}  // namespace redress::testing
