#include "intake/status_lookup.hpp"

#include <gtest/gtest.h>

#include "intake/intake.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"

namespace redress::intake {
namespace {

class StatusLookupTest : public ::testing::Test {
  protected:
    void SetUp() override {
        crypto::init();
        domain::Filing filing;
        filing.incident.narrative = "An agent took my documents.";
        m_intake.file(std::move(filing), domain::Channel::web,
                      [&](std::expected<Filed, Refusal> result) {
                          ASSERT_TRUE(result);
                          m_reference = result->complaints[0].complaint.reference;
                          m_receipt = result->receipt.text();
                      });
    }

    domain::Deployment m_deployment = testing::sample_deployment();
    crypto::Keys m_keys = testing::fixed_keys();
    testing::MemoryStore m_store;
    Intake m_intake{m_deployment, m_store, m_keys, testing::fixed_now};
    StatusLookup m_lookup{m_deployment, m_store, m_keys};
    std::string m_reference;
    std::string m_receipt;
};

TEST_F(StatusLookupTest, FindsTheComplaintWithItsReceipt) {
    const auto found = m_lookup.look_up(m_reference, m_receipt);
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->complaint.reference, m_reference);
    EXPECT_EQ((*found)->complaint.status, domain::Status::received);
    ASSERT_EQ((*found)->complaint.timeline.size(), 1u);
    ASSERT_NE((*found)->office, nullptr);
    EXPECT_EQ((*found)->office->id, "opr");
    ASSERT_TRUE((*found)->next_step);
    EXPECT_EQ((*found)->next_step->step, domain::Status::acknowledged);
}

TEST_F(StatusLookupTest, AcceptsTheReceiptAsAPersonTypesIt) {
    std::string typed;
    for (const char ch : m_receipt) {
        if (ch != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    const auto lower_reference = std::string(" ") + m_reference + " ";
    const auto found = m_lookup.look_up(lower_reference, typed);
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->has_value());
}

TEST_F(StatusLookupTest, AWrongReceiptFindsNothing) {
    const auto found = m_lookup.look_up(m_reference, "0000-0000-0000-0000-0000");
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->has_value());
}

TEST_F(StatusLookupTest, AnUnknownReferenceFindsNothing) {
    const auto found = m_lookup.look_up("OPR-2026-000999", m_receipt);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->has_value());
}

TEST_F(StatusLookupTest, MalformedInputFindsNothing) {
    for (const auto& [reference, receipt] : std::vector<std::pair<std::string, std::string>>{
             {"", ""}, {"not a reference", m_receipt}, {m_reference, "short"}, {m_reference, ""}}) {
        const auto found = m_lookup.look_up(reference, receipt);
        ASSERT_TRUE(found);
        EXPECT_FALSE(found->has_value()) << reference << " / " << receipt;
    }
}

TEST_F(StatusLookupTest, AStorageFailureIsAnErrorNotAnAnswer) {
    m_store.set_failing(true);
    const auto found = m_lookup.look_up(m_reference, m_receipt);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code, util::ErrorCode::unavailable);
}

}  // namespace
}  // namespace redress::intake
