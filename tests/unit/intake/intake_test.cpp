#include "intake/intake.hpp"

#include <gtest/gtest.h>

#include "crypto/keyed_hash.hpp"
#include "crypto/secret_box.hpp"
#include "intake/account_sealing.hpp"
#include "intake/confirmation_signing.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"

namespace redress::intake {
namespace {

class IntakeTest : public ::testing::Test {
  protected:
    void SetUp() override { crypto::init(); }

    std::expected<Filed, Refusal> file(domain::Filing filing) {
        std::optional<std::expected<Stored, Refusal>> outcome;
        m_intake.file(std::move(filing), domain::Channel::api,
                      [&](std::expected<Stored, Refusal> result) { outcome = std::move(result); });
        EXPECT_TRUE(outcome.has_value());
        if (!*outcome) return std::unexpected(std::move(outcome->error()));
        return m_intake.confirm(std::move(**outcome));
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

TEST_F(IntakeTest, StoresTheAccountAndSubjectsOnlySealed) {
    auto filing = narrative_only("CANARY-NARRATIVE: an agent pushed me.");
    filing.incident.place = "CANARY-PLACE";
    filing.incident.date = "2026-11-01";
    filing.incident.categories = {"excessive-force"};
    domain::Subject subject;
    subject.name = "CANARY-SUBJECT";
    subject.badge = "CANARY-BADGE";
    filing.subjects.push_back(subject);
    ASSERT_TRUE(file(filing));
    const auto stored = m_store.filings();
    ASSERT_EQ(stored.size(), 1u);
    const std::string sealed(stored[0].sealed_account.begin(), stored[0].sealed_account.end());
    EXPECT_FALSE(sealed.empty());
    EXPECT_EQ(sealed.find("CANARY"), std::string::npos);
    // What statistics and routing need stays readable.
    EXPECT_EQ(stored[0].incident_date, "2026-11-01");
    EXPECT_EQ(stored[0].categories, std::vector<std::string>{"excessive-force"});
    EXPECT_EQ(stored[0].subject_count, 1u);
    // And the office can open what it keeps.
    const auto account = open_account(stored[0].sealed_account, m_keys.content);
    ASSERT_TRUE(account);
    EXPECT_EQ(account->incident.place, "CANARY-PLACE");
    ASSERT_EQ(account->subjects.size(), 1u);
    EXPECT_EQ(account->subjects[0].badge, "CANARY-BADGE");
    EXPECT_FALSE(open_account(stored[0].sealed_account, m_keys.identity));
}

TEST_F(IntakeTest, TheConfirmationIsSignedAndCoversWhatWasSealed) {
    auto filing = narrative_only();
    filing.offices = {"opr", "oig"};
    const auto filed = file(filing);
    ASSERT_TRUE(filed);
    const auto& confirmation = filed->confirmation;
    EXPECT_EQ(confirmation.references,
              (std::vector<std::string>{"OPR-2026-000001", "OIG-2026-000001"}));
    EXPECT_EQ(confirmation.received_at, filed->received_at);
    EXPECT_EQ(confirmation.text().find(filed->receipt.text()), std::string::npos);

    const auto keys = published_keys(m_keys);
    EXPECT_EQ(verify_confirmation(confirmation.text(), keys).verdict, Verdict::genuine);
    // The office can show that what it keeps is what it received.
    const auto stored = m_store.filings();
    const auto account = crypto::open(m_keys.content, stored[0].sealed_account);
    ASSERT_TRUE(account);
    EXPECT_EQ(filing_digest(*account, ""), confirmation.filing_digest);
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
