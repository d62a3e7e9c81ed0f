#include "intake/intake.hpp"

#include <gtest/gtest.h>

#include "crypto/keyed_hash.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"

namespace redress::intake {
namespace {

class IntakeTest : public ::testing::Test {
  protected:
    void SetUp() override { crypto::init(); }

    std::expected<Filed, Refusal> file(domain::Filing filing) {
        std::optional<std::expected<Filed, Refusal>> outcome;
        m_intake.file(std::move(filing), domain::Channel::api,
                      [&](std::expected<Filed, Refusal> result) { outcome = std::move(result); });
        EXPECT_TRUE(outcome.has_value());
        return std::move(*outcome);
    }

    static domain::Filing narrative_only(std::string narrative = "An agent pushed me.") {
        domain::Filing filing;
        filing.incident.narrative = std::move(narrative);
        return filing;
    }

    domain::Deployment m_deployment = testing::sample_deployment();
    crypto::Keys m_keys = testing::fixed_keys();
    testing::MemoryStore m_store;
    Intake m_intake{m_deployment, m_store, m_keys, testing::fixed_now};
};

TEST_F(IntakeTest, TheSmallestFilingGoesToTheDefaultOffice) {
    const auto filed = file(narrative_only());
    ASSERT_TRUE(filed);
    ASSERT_EQ(filed->complaints.size(), 1u);
    EXPECT_EQ(filed->complaints[0].complaint.office_id, "opr");
    EXPECT_EQ(filed->complaints[0].complaint.reference, "OPR-2026-000001");
}

TEST_F(IntakeTest, TellsTheNextStepAndItsDateFromTheServiceLevels) {
    const auto filed = file(narrative_only());
    ASSERT_TRUE(filed);
    const auto& next = filed->complaints[0].next_step;
    ASSERT_TRUE(next);
    EXPECT_EQ(next->step, domain::Status::acknowledged);
    EXPECT_EQ(domain::iso_date(next->due), "2026-11-29");
}

TEST_F(IntakeTest, KeepsOnlyAKeyedHashOfTheReceipt) {
    const auto filed = file(narrative_only());
    ASSERT_TRUE(filed);
    const auto stored = m_store.filings();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].receipt_hash,
              crypto::keyed_hash(m_keys.receipt_hash, filed->receipt.canonical()));
}

TEST_F(IntakeTest, DrawsADifferentReceiptEachTime) {
    const auto a = file(narrative_only());
    const auto b = file(narrative_only());
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->receipt.canonical(), b->receipt.canonical());
}

TEST_F(IntakeTest, FilesWithEveryChosenOffice) {
    auto filing = narrative_only();
    filing.offices = {"opr", "oig"};
    const auto filed = file(filing);
    ASSERT_TRUE(filed);
    ASSERT_EQ(filed->complaints.size(), 2u);
    EXPECT_EQ(filed->complaints[0].complaint.reference, "OPR-2026-000001");
    EXPECT_EQ(filed->complaints[1].complaint.reference, "OIG-2026-000001");
}

TEST_F(IntakeTest, RoutesByTheRulesWhenNoOfficeIsChosen) {
    auto filing = narrative_only();
    filing.incident.categories = {"bribery-corruption"};
    const auto filed = file(filing);
    ASSERT_TRUE(filed);
    ASSERT_EQ(filed->complaints.size(), 1u);
    EXPECT_EQ(filed->complaints[0].complaint.office_id, "oig");
}

TEST_F(IntakeTest, AnInvalidFilingIsRefusedAndNothingIsStored) {
    const auto filed = file(narrative_only("   "));
    ASSERT_FALSE(filed);
    ASSERT_FALSE(filed.error().errors.empty());
    EXPECT_EQ(filed.error().errors[0].field, "incident.narrative");
    EXPECT_FALSE(filed.error().failure);
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(IntakeTest, AStorageFailureIsReportedNotAcknowledged) {
    m_store.set_failing(true);
    const auto filed = file(narrative_only());
    ASSERT_FALSE(filed);
    ASSERT_TRUE(filed.error().failure);
    EXPECT_EQ(filed.error().failure->code, util::ErrorCode::unavailable);
}

TEST_F(IntakeTest, StoresIdentityOnlySealed) {
    auto filing = narrative_only();
    filing.complainant.confidentiality = "confidential";
    filing.complainant.name = "CANARY-NAME";
    filing.complainant.email = "canary@example.org";
    ASSERT_TRUE(file(filing));
    const auto stored = m_store.filings();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].confidentiality, domain::Confidentiality::confidential);
    const std::string sealed(stored[0].sealed_people.begin(), stored[0].sealed_people.end());
    EXPECT_FALSE(sealed.empty());
    EXPECT_EQ(sealed.find("CANARY"), std::string::npos);
}

TEST_F(IntakeTest, PreviewExplainsRoutesAndCompletenessWithoutStoring) {
    auto filing = narrative_only();
    filing.incident.categories = {"excessive-force"};
    const auto preview = m_intake.preview(filing);
    EXPECT_TRUE(preview.errors.empty());
    ASSERT_FALSE(preview.proposals.empty());
    EXPECT_EQ(preview.proposals[0].office, "opr");
    ASSERT_FALSE(preview.proposals[0].because.empty());
    EXPECT_EQ(preview.proposals[0].because[0]->id, "misconduct");
    EXPECT_FALSE(preview.completeness.empty());
    EXPECT_TRUE(m_store.filings().empty());
}

}  // namespace
}  // namespace redress::intake
