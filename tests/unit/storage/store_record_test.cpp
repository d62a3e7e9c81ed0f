// Storing a filing and reading its complaints back, on every backend.

#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <thread>

#include "sample_filing.hpp"
#include "store_backends.hpp"

namespace redress::testing {
namespace {

template <typename Backend>
using StoreRecordTest = StoreTest<Backend>;
TYPED_TEST_SUITE(StoreRecordTest, StoreBackends);

TYPED_TEST(StoreRecordTest, RecordedComplaintIsFoundWithItsTimeline) {
    auto store = this->open_store();
    const auto filing = sample_filing({opr()}, utc(2026, 3, 5, 9, 30, 15));

    auto filed = record_and_wait(*store, filing);

    ASSERT_TRUE(filed) << filed.error().message;
    ASSERT_EQ(filed->size(), 1u);
    EXPECT_EQ(filed->front().office_id, opr().office_id);
    EXPECT_EQ(filed->front().reference, "OPR-2026-000001");

    auto found = find_and_wait(*store, "OPR-2026-000001");
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    const auto& record = **found;
    EXPECT_EQ(record.office_id, opr().office_id);
    EXPECT_EQ(record.reference, "OPR-2026-000001");
    EXPECT_EQ(record.received_at, filing.received_at);
    EXPECT_EQ(record.receipt_hash, filing.receipt_hash);
    EXPECT_EQ(record.status, domain::Status::received);
    ASSERT_EQ(record.timeline.size(), 1u);
    EXPECT_EQ(record.timeline[0].at, filing.received_at);
    EXPECT_EQ(record.timeline[0].status, domain::Status::received);
}

TYPED_TEST(StoreRecordTest, EachDestinationGetsItsComplaintInTheOrderGiven) {
    auto store = this->open_store();

    auto filed = record_and_wait(*store, sample_filing({oig(), opr()}));

    ASSERT_TRUE(filed) << filed.error().message;
    ASSERT_EQ(filed->size(), 2u);
    EXPECT_EQ((*filed)[0].office_id, oig().office_id);
    EXPECT_EQ((*filed)[0].reference, "OIG-2026-000001");
    EXPECT_EQ((*filed)[1].office_id, opr().office_id);
    EXPECT_EQ((*filed)[1].reference, "OPR-2026-000001");
    for (const auto& complaint : *filed) {
        auto found = find_and_wait(*store, complaint.reference);
        ASSERT_TRUE(found && found->has_value()) << complaint.reference;
        EXPECT_EQ((*found)->office_id, complaint.office_id);
    }
}

TYPED_TEST(StoreRecordTest, StoresTheFilingWithItsCategoriesAndNoSubjectInTheClear) {
    auto store = this->open_store();
    auto filing = sample_filing({opr(), oig()});
    filing.categories = {"force", "search", "force"};  // a repeat is kept once

    ASSERT_TRUE(record_and_wait(*store, filing));

    EXPECT_EQ(this->m_backend.count(Table::filings), 1);
    EXPECT_EQ(this->m_backend.count(Table::filing_categories), 2);
    // Subjects travel inside the sealed account; the plain table of schema 1 stays empty.
    EXPECT_EQ(this->m_backend.count(Table::subjects), 0);
    EXPECT_EQ(this->m_backend.count(Table::complaints), 2);
    EXPECT_EQ(this->m_backend.count(Table::status_events), 2);
}

TYPED_TEST(StoreRecordTest, EmptyFieldsAndNoPeopleAreStoredAsGiven) {
    auto store = this->open_store();
    auto filing = sample_filing({opr()});
    filing.sealed_people.clear();
    filing.incident_date.clear();
    filing.incident_date_precision.clear();
    filing.categories.clear();
    filing.subject_count = 0;
    filing.language.clear();

    auto reference = record_one(*store, filing);

    ASSERT_EQ(reference, "OPR-2026-000001");
    EXPECT_TRUE(find_and_wait(*store, reference).value().has_value());
}

TYPED_TEST(StoreRecordTest, UnknownReferenceIsNotFound) {
    auto store = this->open_store();
    ASSERT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000001");

    for (const char* reference : {"OPR-2026-000002", "OIG-2026-000001", "opr-2026-000001",
                                  " OPR-2026-000001", "", "' OR 1=1 --"}) {
        auto found = find_and_wait(*store, reference);
        ASSERT_TRUE(found) << found.error().message;
        EXPECT_FALSE(found->has_value()) << reference;
    }
}

TYPED_TEST(StoreRecordTest, FilingWithoutOfficeIsRefusedAndNothingStored) {
    auto store = this->open_store();

    auto none = record_and_wait(*store, sample_filing({}));
    auto twice = record_and_wait(*store, sample_filing({opr(), opr()}));
    auto no_prefix = record_and_wait(*store, sample_filing({{"office", ""}}));

    for (const auto* result : {&none, &twice, &no_prefix}) {
        ASSERT_FALSE(*result);
        EXPECT_EQ(result->error().code, util::ErrorCode::invalid_input);
    }
    EXPECT_EQ(this->m_backend.count(Table::filings), 0);
}

TYPED_TEST(StoreRecordTest, ACompletionThatThrowsDoesNotStopTheStore) {
    auto store = this->open_store();
    std::promise<void> ran;
    store->record(sample_filing({opr()}), [&ran](auto) {
        ran.set_value();
        throw std::runtime_error("a bug in a caller");
    });
    ran.get_future().wait();
    // The next filing is still stored and answered.
    EXPECT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000002");
    EXPECT_EQ(this->m_backend.count(Table::filings), 2);
}

TYPED_TEST(StoreRecordTest, LookUpsAnswerOnAThreadOfTheStore) {
    auto store = this->open_store();
    ASSERT_EQ(record_one(*store, sample_filing({opr()})), "OPR-2026-000001");
    std::promise<std::thread::id> answered_on;
    store->find_complaint("OPR-2026-000001", [&answered_on](auto found) {
        EXPECT_TRUE(found && found->has_value());
        answered_on.set_value(std::this_thread::get_id());
    });
    EXPECT_NE(answered_on.get_future().get(), std::this_thread::get_id());
}

TYPED_TEST(StoreRecordTest, AnsweringStoreIsHealthy) {
    auto store = this->open_store();
    EXPECT_TRUE(store->healthy());
}

}  // namespace
}  // namespace redress::testing
